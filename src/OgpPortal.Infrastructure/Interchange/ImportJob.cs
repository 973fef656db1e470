namespace OgpPortal.Infrastructure.Interchange;

public enum ImportJobState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// One uploaded file on its way through the import: who sent it, how far it has come and, at the end, the
/// report or the failure. Kept in the database, so every instance of the portal shows it and any instance
/// may run it (docs/decisions/0014-import-jobs-in-the-database.md). The file itself is an
/// <see cref="ImportJobFile"/>, deleted when the job ends.
/// </summary>
public sealed class ImportJob
{
    public const int FileNameLength = 255;
    public const int StageLength = 20;
    public const int RunByLength = 200;
    public const int FailureLength = 1000;

    public const string FailureMessage = "The import stopped because of an unexpected error. Nothing was saved. The error is in the portal's log.";
    public const string StoppedMessage = "The portal stopped before the import finished. Nothing was saved.";

    /// <summary>For a job whose instance stopped renewing its lease: the import is one transaction, so nothing of it was saved.</summary>
    public const string AbandonedMessage = "The instance of the portal running the import stopped before it finished. Nothing was saved.";

    public Guid Id { get; set; }

    public required string FileName { get; set; }

    public bool DryRun { get; set; }

    /// <summary>The e-mail address of the person who uploaded the file.</summary>
    public required string StartedBy { get; set; }

    public DateTime QueuedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public ImportJobState State { get; set; }

    /// <summary>How far the import has come, 0 to 100, never going back; 100 once it has ended.</summary>
    public int Percent { get; set; }

    /// <summary>The importer's latest stage (<see cref="ImportProgress.Reading"/>, …); null until it reports.</summary>
    public string? Stage { get; set; }

    public int RowsRead { get; set; }

    /// <summary>The instance running the job (machine, process and runner), set when it claims the job.</summary>
    public string? RunBy { get; set; }

    /// <summary>Renewed by the running instance; once it has passed, any instance marks the job failed.</summary>
    public DateTime? LeasedUntil { get; set; }

    /// <summary>The <see cref="ImportReport"/> as JSON, once the job is done.</summary>
    public string? Report { get; set; }

    /// <summary>Why the job failed, in words for the user; the error itself is in the log.</summary>
    public string? Failure { get; set; }

    public bool IsFinished => State is ImportJobState.Done or ImportJobState.Failed;

    public ImportReport? ReadReport() => Report is null ? null : ImportReport.FromJson(Report);
}

/// <summary>The uploaded file of an <see cref="ImportJob"/>, kept apart so lists never load it; deleted when the job ends.</summary>
public sealed class ImportJobFile
{
    public Guid JobId { get; set; }

    public required byte[] Content { get; set; }
}
