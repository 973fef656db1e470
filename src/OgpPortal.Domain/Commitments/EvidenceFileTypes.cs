using System.IO.Compression;
using System.Text;

namespace OgpPortal.Domain.Commitments;

/// <summary>A kind of file accepted as evidence: its extension, the type it is served with, and its signature.</summary>
public sealed record EvidenceFileType(string Extension, string ContentType);

/// <summary>
/// Which files are accepted as evidence: PDF, PNG, JPEG and WebP images, Word, Excel and PowerPoint documents
/// and their OpenDocument equivalents. A file is accepted only when its name's extension and its content
/// agree: the content's signature is checked (an office document's parts are looked up in its ZIP
/// directory), never the type the browser claims. Macro-enabled documents are refused.
/// </summary>
public static class EvidenceFileTypes
{
    private const string Ooxml = "application/vnd.openxmlformats-officedocument.";
    private const string Odf = "application/vnd.oasis.opendocument.";

    public static readonly EvidenceFileType Pdf = new(".pdf", "application/pdf");
    public static readonly EvidenceFileType Png = new(".png", "image/png");
    public static readonly EvidenceFileType Jpeg = new(".jpg", "image/jpeg");
    public static readonly EvidenceFileType WebP = new(".webp", "image/webp");
    public static readonly EvidenceFileType Docx = new(".docx", Ooxml + "wordprocessingml.document");
    public static readonly EvidenceFileType Xlsx = new(".xlsx", Ooxml + "spreadsheetml.sheet");
    public static readonly EvidenceFileType Pptx = new(".pptx", Ooxml + "presentationml.presentation");
    public static readonly EvidenceFileType Odt = new(".odt", Odf + "text");
    public static readonly EvidenceFileType Ods = new(".ods", Odf + "spreadsheet");
    public static readonly EvidenceFileType Odp = new(".odp", Odf + "presentation");

    /// <summary>Every accepted type, as the upload field's <c>accept</c> list says them.</summary>
    public static readonly IReadOnlyList<EvidenceFileType> All = [Pdf, Png, Jpeg, WebP, Docx, Xlsx, Pptx, Odt, Ods, Odp];

    /// <summary>The accepted types as a file input's <c>accept</c> attribute: extensions and types.</summary>
    public static readonly string AcceptList = string.Join(",", All.SelectMany(t => new[] { t.Extension, t.ContentType }).Append(".jpeg"));

    /// <summary>The main part each office document must have in its ZIP directory.</summary>
    private static readonly Dictionary<EvidenceFileType, string> OoxmlMainPart = new()
    {
        [Docx] = "word/document.xml",
        [Xlsx] = "xl/workbook.xml",
        [Pptx] = "ppt/presentation.xml",
    };

    /// <summary>The accepted type of a file, from its name's extension and its content; null when refused.</summary>
    public static EvidenceFileType? Recognise(string? fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        var type = extension == ".jpeg" ? Jpeg : All.FirstOrDefault(t => t.Extension == extension);
        return type is not null && Matches(type, content) ? type : null;
    }

    /// <summary>
    /// The name kept for a file: its last path segment (browsers may send a full path), without control
    /// characters, at most <see cref="EvidenceFile.MaxFileName"/> characters with its extension kept.
    /// </summary>
    public static string CleanFileName(string fileName, EvidenceFileType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = new string([.. name[(name.LastIndexOf('/') + 1)..].Where(c => !char.IsControl(c))]).Trim();
        var extension = Path.GetExtension(name);
        var stem = Path.GetFileNameWithoutExtension(name).Trim();
        if (stem.Length == 0)
        {
            stem = "evidence";
        }

        var room = EvidenceFile.MaxFileName - extension.Length;
        return (stem.Length > room ? stem[..room] : stem) + (extension.Length > 0 ? extension : type.Extension);
    }

    private static bool Matches(EvidenceFileType type, byte[] content)
    {
        var bytes = content.AsSpan();
        if (type == Pdf)
        {
            return bytes.StartsWith("%PDF-"u8);
        }

        if (type == Png)
        {
            return bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        }

        if (type == Jpeg)
        {
            return bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);
        }

        if (type == WebP)
        {
            return bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8);
        }

        return bytes.StartsWith("PK\u0003\u0004"u8) && IsOfficeDocument(type, content);
    }

    /// <summary>
    /// Reads only the ZIP directory (and an OpenDocument's small <c>mimetype</c> entry), never the parts. A
    /// directory of more than <see cref="MaxZipEntries"/> entries is refused before it is read, and any file
    /// the ZIP reader cannot make sense of is refused, whatever it throws.
    /// </summary>
    private static bool IsOfficeDocument(EvidenceFileType type, byte[] content)
    {
        if (ZipEntryCount(content) is not (> 0 and <= MaxZipEntries))
        {
            return false;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (OoxmlMainPart.TryGetValue(type, out var mainPart))
            {
                return names.Contains("[Content_Types].xml") && names.Contains(mainPart) && !names.Any(IsOoxmlMacroPart);
            }

            var mimetype = zip.GetEntry("mimetype");
            if (mimetype is null || mimetype.Length > 100 || names.Any(IsOpenDocumentMacroPart))
            {
                return false;
            }

            using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
            return reader.ReadToEnd().Trim() == type.ContentType;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return false;
        }
    }

    /// <summary>More parts than any real document of 10 MB has; a longer directory is refused unread.</summary>
    private const int MaxZipEntries = 5_000;

    /// <summary>VBA projects and ActiveX controls: the parts of a Word, Excel or PowerPoint file that run code.</summary>
    private static bool IsOoxmlMacroPart(string name) =>
        name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
        || name.Contains("/activeX/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Basic macros and scripts (Python, JavaScript, BeanShell) of an OpenDocument file.</summary>
    private static bool IsOpenDocumentMacroPart(string name) =>
        name.StartsWith("Basic/", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Scripts/", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The number of entries the ZIP's end record declares (its last 22 bytes, or up to 64 KB before them
    /// when it carries a comment); -1 when there is no end record. ZIP64 declares 0xFFFF and is refused.
    /// </summary>
    private static int ZipEntryCount(byte[] content)
    {
        var from = Math.Max(0, content.Length - 22 - ushort.MaxValue);
        for (var i = content.Length - 22; i >= from; i--)
        {
            if (content[i] == 0x50 && content[i + 1] == 0x4B && content[i + 2] == 0x05 && content[i + 3] == 0x06)
            {
                var count = content[i + 10] | (content[i + 11] << 8);
                return count == ushort.MaxValue ? -1 : count;
            }
        }

        return -1;
    }
}
