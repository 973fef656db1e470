using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OgpPortal.Tests.Shared;

/// <summary>
/// The PostgreSQL server the tests of one test run use. <c>OGP_TEST_POSTGRES</c>, when set, names a server (an Npgsql
/// connection string whose user may create databases). Otherwise the first test that needs it starts a throwaway
/// cluster of its own from the installed binaries: <c>initdb</c> into a temporary folder, a free loopback port, no
/// system service; stopped and removed when the test process ends. As root the binaries run as the <c>postgres</c>
/// user (<c>initdb</c> refuses root). Missing binaries fail the test with how to install them.
/// </summary>
public static class PostgreSqlTestServer
{
    public const string ServerVariable = "OGP_TEST_POSTGRES";

    private static readonly Lazy<NpgsqlConnectionStringBuilder> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The connection string of one database on the server.</summary>
    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server.Value.ConnectionString) { Database = database, IncludeErrorDetail = true }.ToString();

    /// <summary>The folder of the server binaries (initdb, pg_ctl, pg_dump) of the newest installed PostgreSQL.</summary>
    public static string BinDirectory() =>
        (Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0).FirstOrDefault()
            : null)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
        ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need PostgreSQL's server binaries (initdb, pg_ctl) and found none. Install them (Debian: sudo apt-get install postgresql), or set {ServerVariable} to the connection string of a server whose user may create databases.");

    /// <summary>Runs one of the server binaries, as the postgres user when the tests run as root; throws with its output when it fails.</summary>
    public static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var path = Path.Combine(BinDirectory(), program);
        if (Environment.UserName == "root")
        {
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", "postgres", "--", path })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = path;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish within 2 minutes.");
        }

        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
    }

    /// <summary>Makes a folder the postgres user may write when the tests run as root.</summary>
    public static void GiveToServerUser(string directory)
    {
        if (Environment.UserName == "root")
        {
            using var chown = Process.Start("chown", ["-R", "postgres:postgres", directory]);
            chown.WaitForExit();
        }
    }

    private static NpgsqlConnectionStringBuilder Start()
    {
        if (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } given)
        {
            return new NpgsqlConnectionStringBuilder(given);
        }

        var cluster = new PostgreSqlCluster();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return new NpgsqlConnectionStringBuilder(cluster.ConnectionString("postgres"));
    }
}

/// <summary>
/// A private PostgreSQL cluster in a temporary folder on a free loopback port, for the run's shared server or for a
/// test that stops and starts its server. Durability is off (fsync, full-page writes): throwaway data only.
/// </summary>
public sealed class PostgreSqlCluster : IDisposable
{
    private readonly string _directory;
    private readonly string _data;

    public PostgreSqlCluster()
        : this(data => PostgreSqlTestServer.Run("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"))
    {
    }

    private PostgreSqlCluster(Action<string> createData)
    {
        _directory = Directory.CreateTempSubdirectory("ogp-pg-").FullName;
        _data = Path.Combine(_directory, "data");
        PostgreSqlTestServer.GiveToServerUser(_directory);
        Port = FreePort();
        createData(_data);
        StartServer();
    }

    /// <summary>
    /// A hot standby of <paramref name="primary"/>: a base backup of it (<c>pg_basebackup -R</c>) that streams and replays
    /// the primary's log and answers reads, as a read replica does in production.
    /// </summary>
    public static PostgreSqlCluster StandbyOf(PostgreSqlCluster primary)
    {
        ArgumentNullException.ThrowIfNull(primary);
        return new PostgreSqlCluster(data => PostgreSqlTestServer.Run(
            "pg_basebackup", "-h", "127.0.0.1", "-p", primary.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", "postgres", "-D", data, "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"));
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ToString();

    /// <summary>Starts the server (again): its databases are as they were when it stopped. <paramref name="settings"/>: more <c>-c name=value</c>.</summary>
    public void StartServer(string settings = "") =>
        PostgreSqlTestServer.Run("pg_ctl", "-D", _data, "-l", Path.Combine(_directory, "log"), "-w", "-t", "60", "-o",
            $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 {settings}",
            "start");

    /// <summary>Stops the server at once, as a crash or a lost host would: open connections are cut.</summary>
    public void StopServer() => PostgreSqlTestServer.Run("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");

    public void Dispose()
    {
        if (!Directory.Exists(_directory))
        {
            return;
        }

        try
        {
            StopServer();
        }
        catch (InvalidOperationException)
        {
            // Not running (a test stopped it and failed before starting it again).
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
