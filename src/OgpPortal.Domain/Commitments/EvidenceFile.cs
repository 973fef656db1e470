using OgpPortal.Domain.Common;

namespace OgpPortal.Domain.Commitments;

/// <summary>
/// A file a point of contact attaches to a milestone as evidence it is done (minutes, a report, a photo).
/// Its bytes are a separate record (<see cref="EvidenceFileContent"/>), so lists of files never read them.
/// </summary>
public class EvidenceFile : AuditableEntity
{
    /// <summary>The most one file may weigh: 10 MB.</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    /// <summary>The most files one milestone keeps.</summary>
    public const int MaxPerMilestone = 5;

    /// <summary>The longest file name kept (the name is shortened before its extension).</summary>
    public const int MaxFileName = 200;

    public const string TooLarge = "The file is larger than 10 MB, the most an evidence file may be.";

    public const string NotAccepted = "Only PDF files, PNG, JPEG or WebP images, and Word, Excel, PowerPoint or OpenDocument documents (without macros) are accepted, with their usual extension.";

    public const string TooMany = "A milestone keeps at most 5 evidence files: remove one before adding another.";

    public int MilestoneId { get; internal set; }

    public Milestone Milestone { get; internal set; } = null!;

    /// <summary>The name the file had on the uploader's computer, without any folder.</summary>
    public string FileName { get; internal set; } = string.Empty;

    /// <summary>The type the portal recognised in the file's content; the only type it is served with.</summary>
    public string ContentType { get; internal set; } = string.Empty;

    public long Length { get; internal set; }

    public EvidenceFileContent Content { get; internal set; } = null!;
}

/// <summary>The bytes of an <see cref="EvidenceFile"/>, read only when the file is downloaded.</summary>
public class EvidenceFileContent
{
    public int EvidenceFileId { get; internal set; }

    public byte[] Bytes { get; internal set; } = [];
}
