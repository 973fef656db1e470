using System.Threading.Channels;
using OgpPortal.Infrastructure.Interchange;

namespace OgpPortal.Web.Areas.SupportUnit.DataImport;

public enum ImportJobState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// One uploaded file on its way through the import: who sent it, how far it has come and, at the end, the
/// report. Written by the runner's thread and read by requests, so each value is replaced whole.
/// </summary>
public sealed class ImportJob(Guid id, string fileName, bool dryRun, string startedBy, DateTimeOffset queuedAt, string filePath)
{
    public const string FailureMessage = "The import stopped because of an unexpected error. Nothing was saved. The error is in the portal's log.";

    private volatile ImportJobState _state = ImportJobState.Queued;
    private volatile ImportProgress? _progress;
    private volatile ImportReport? _report;
    private volatile string? _failure;
    private volatile int _percent;

    public Guid Id { get; } = id;

    public string FileName { get; } = fileName;

    public bool DryRun { get; } = dryRun;

    /// <summary>The e-mail address of the person who uploaded the file.</summary>
    public string StartedBy { get; } = startedBy;

    public DateTimeOffset QueuedAt { get; } = queuedAt;

    /// <summary>The uploaded copy in the temp folder, deleted when the job ends.</summary>
    public string FilePath { get; } = filePath;

    public ImportJobState State => _state;

    public ImportProgress? Progress => _progress;

    public ImportReport? Report => _report;

    public string? Failure => _failure;

    public bool IsFinished => _state is ImportJobState.Done or ImportJobState.Failed;

    /// <summary>How far the import has come, 0 to 100, never going back; 100 once it has ended.</summary>
    public int Percent => IsFinished ? 100 : _percent;

    internal void Start() => _state = ImportJobState.Running;

    internal void Update(ImportProgress progress)
    {
        _percent = Math.Max(_percent, progress.Percent);
        _progress = progress;
    }

    internal void Finish(ImportReport report)
    {
        _report = report;
        _state = ImportJobState.Done;
    }

    internal void Fail(string message)
    {
        _failure = message;
        _state = ImportJobState.Failed;
    }
}

/// <summary>
/// The imports of this instance: a queue the runner takes them from one at a time, and the last
/// <see cref="Kept"/> jobs for their pages. Jobs live in memory only, so they are per instance and lost on a
/// restart; what an import did is in the database and its audit trail.
/// </summary>
public sealed class ImportJobs
{
    public const int Kept = 20;

    /// <summary>Uploads waiting behind the running one; more are refused with a message.</summary>
    public const int MaxWaiting = 5;

    private readonly Channel<ImportJob> _waiting = Channel.CreateBounded<ImportJob>(new BoundedChannelOptions(MaxWaiting) { SingleReader = true });
    private readonly LinkedList<ImportJob> _recent = new();
    private readonly Lock _lock = new();

    public ChannelReader<ImportJob> Waiting => _waiting.Reader;

    /// <summary>The jobs kept, newest first.</summary>
    public IReadOnlyList<ImportJob> Recent
    {
        get
        {
            lock (_lock)
            {
                return [.. _recent];
            }
        }
    }

    public ImportJob? Find(Guid id)
    {
        lock (_lock)
        {
            return _recent.FirstOrDefault(j => j.Id == id);
        }
    }

    /// <summary>
    /// Copies the upload to a temp file and queues it. Null when the queue is full: then nothing is kept.
    /// </summary>
    public async Task<ImportJob?> EnqueueAsync(Stream content, string fileName, bool dryRun, string startedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = Guid.NewGuid();
        var job = new ImportJob(id, Path.GetFileName(fileName), dryRun, startedBy, now, Path.Combine(Path.GetTempPath(), $"ogp-import-{id:N}.csv"));
        try
        {
            await using (var copy = new FileStream(job.FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(copy, cancellationToken);
            }

            lock (_lock)
            {
                if (!_waiting.Writer.TryWrite(job))
                {
                    File.Delete(job.FilePath);
                    return null;
                }

                _recent.AddFirst(job);
                Forget();
            }
        }
        catch
        {
            File.Delete(job.FilePath);
            throw;
        }

        return job;
    }

    /// <summary>Drops the oldest finished jobs beyond the number kept (queued and running ones stay).</summary>
    private void Forget()
    {
        for (var node = _recent.Last; node is not null && _recent.Count > Kept;)
        {
            var previous = node.Previous;
            if (node.Value.IsFinished)
            {
                _recent.Remove(node);
            }

            node = previous;
        }
    }
}
