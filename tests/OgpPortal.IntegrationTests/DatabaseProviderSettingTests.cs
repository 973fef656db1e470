using System.Diagnostics;

namespace OgpPortal.IntegrationTests;

/// <summary>The portal started as operators start it (<c>dotnet OgpPortal.Web.dll</c>) with a database setting it cannot use.</summary>
public sealed class DatabaseProviderSettingTests
{
    [Theory]
    [InlineData("Postgres")]
    [InlineData("MySql")]
    [InlineData("1")]
    public async Task AnUnknownProvider_StopsTheStartWithOneSentenceNamingTheThreeChoices(string provider)
    {
        var (exit, output, error) = await StartPortalAsync(("Database__Provider", provider));

        exit.ShouldBe(1);
        error.Trim().ShouldBe($"Database:Provider is '{provider}', which the portal does not know: set it to Sqlite, PostgreSql or SqlServer.");
        (output + error).ShouldNotContain("   at ", customMessage: "no stack trace");
    }

    [Fact]
    public async Task AServerProviderWithoutAConnectionString_SaysWhatToSet()
    {
        var (exit, _, error) = await StartPortalAsync(("Database__Provider", "postgresql"), ("ConnectionStrings__Portal", string.Empty));

        exit.ShouldBe(1);
        error.Trim().ShouldBe("Database:Provider is PostgreSql but ConnectionStrings:Portal is not set.");
    }

    private static async Task<(int Exit, string Output, string Error)> StartPortalAsync(params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OgpPortal.Web.dll"));
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Portal__PublicUrl"] = "https://portal.example.org";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the portal.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The portal did not stop within a minute: it started instead of refusing the setting.");
        }

        return (process.ExitCode, await output, await error);
    }
}
