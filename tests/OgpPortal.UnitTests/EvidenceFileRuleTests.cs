using System.IO.Compression;
using System.Text;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;

namespace OgpPortal.UnitTests;

/// <summary>Which files a point of contact may attach as evidence, and when.</summary>
public sealed class EvidenceFileRuleTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
    private static readonly byte[] WebP = Encoding.ASCII.GetBytes("RIFF\u0010\0\0\0WEBPVP8 ");

    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "minutes.pdf", Pdf, "application/pdf" },
        { "MINUTES.PDF", Pdf, "application/pdf" },
        { "launch.png", Png, "image/png" },
        { "launch.jpg", Jpeg, "image/jpeg" },
        { "launch.jpeg", Jpeg, "image/jpeg" },
        { "launch.webp", WebP, "image/webp" },
        { "report.docx", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<document/>")), EvidenceFileTypes.Docx.ContentType },
        { "budget.xlsx", Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")), EvidenceFileTypes.Xlsx.ContentType },
        { "slides.pptx", Zip(("[Content_Types].xml", "<Types/>"), ("ppt/presentation.xml", "<presentation/>")), EvidenceFileTypes.Pptx.ContentType },
        { "report.odt", Zip(("mimetype", EvidenceFileTypes.Odt.ContentType), ("content.xml", "<office/>")), EvidenceFileTypes.Odt.ContentType },
    };

    public static TheoryData<string, byte[]> Refused => new()
    {
        { "page.pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>") },
        { "image.png", Pdf },
        { "minutes", Pdf },
        { "minutes.html", Encoding.UTF8.GetBytes("<html></html>") },
        { "vector.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>") },
        { "macros.docx", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<document/>"), ("word/vbaProject.bin", "VBA")) },
        { "not-a-document.docx", Zip(("[Content_Types].xml", "<Types/>"), ("evil.js", "alert(1)")) },
        { "wrong-kind.xlsx", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<document/>")) },
        { "report.odt", Zip(("mimetype", EvidenceFileTypes.Ods.ContentType)) },
        { "macros.odt", Zip(("mimetype", EvidenceFileTypes.Odt.ContentType), ("Basic/Standard/Module1.xml", "macro")) },
        { "scripts.ods", Zip(("mimetype", EvidenceFileTypes.Ods.ContentType), ("Scripts/python/run.py", "import os")) },
        { "control.docx", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<document/>"), ("word/activeX/activeX1.xml", "<ax/>")) },
        { "many-parts.xlsx", Zip([("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"), .. Enumerable.Range(0, 5_001).Select(i => ($"xl/part{i}.xml", ""))]) },
        { "broken.docx", Encoding.ASCII.GetBytes("PK\u0003\u0004 not really a zip") },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void FileWhoseNameAndContentAgree_IsRecognised(string fileName, byte[] content, string contentType) =>
        EvidenceFileTypes.Recognise(fileName, content)!.ContentType.ShouldBe(contentType);

    [Theory]
    [MemberData(nameof(Refused))]
    public void FileWhoseContentIsNotWhatItsNameSays_IsRefused(string fileName, byte[] content) =>
        EvidenceFileTypes.Recognise(fileName, content).ShouldBeNull();

    [Theory]
    [InlineData(@"C:\Users\nils\Documents\Forum minutes.pdf", "Forum minutes.pdf")]
    [InlineData("../../etc/minutes.pdf", "minutes.pdf")]
    [InlineData("min\u0000ut\u001Fes.pdf", "minutes.pdf")]
    [InlineData(".pdf", "evidence.pdf")]
    public void KeptName_IsTheFileNameAloneWithoutControlCharacters(string sent, string kept) =>
        EvidenceFileTypes.CleanFileName(sent, EvidenceFileTypes.Pdf).ShouldBe(kept);

    [Fact]
    public void LongName_IsShortenedBeforeItsExtension()
    {
        var kept = EvidenceFileTypes.CleanFileName(new string('a', 400) + ".pdf", EvidenceFileTypes.Pdf);

        kept.Length.ShouldBe(EvidenceFile.MaxFileName);
        kept.ShouldEndWith("a.pdf");
    }

    [Fact]
    public void EvidenceFiles_AreAttachedOnlyOnceThePlanIsPublished()
    {
        var draft = Plans.DraftWithCommitments(1).Commitments.Single();

        Should.Throw<DomainRuleException>(() => draft.AddEvidenceFile(draft.Milestones.Single(), "minutes.pdf", Pdf, PortalRole.PointOfContact))
            .Message.ShouldBe("Progress is reported on published plans that are being implemented.");
        draft.Milestones.Single().EvidenceFiles.ShouldBeEmpty();
    }

    [Fact]
    public void OnlyAPointOfContact_AttachesEvidence()
    {
        var commitment = Plans.Published(1, Now).Commitments.Single();

        Should.Throw<DomainRuleException>(() => commitment.AddEvidenceFile(commitment.Milestones.Single(), "minutes.pdf", Pdf, PortalRole.SupportUnit));
    }

    [Fact]
    public void Milestone_KeepsAtMostFiveFiles_AndRefusesAnEmptyOrOversizedFile()
    {
        var commitment = Plans.Published(1, Now).Commitments.Single();
        var milestone = commitment.Milestones.Single();
        for (var i = 1; i <= EvidenceFile.MaxPerMilestone; i++)
        {
            commitment.AddEvidenceFile(milestone, $"minutes-{i}.pdf", Pdf, PortalRole.PointOfContact);
        }

        Should.Throw<DomainRuleException>(() => commitment.AddEvidenceFile(milestone, "sixth.pdf", Pdf, PortalRole.PointOfContact)).Message.ShouldBe(EvidenceFile.TooMany);
        Should.Throw<DomainRuleException>(() => commitment.AddEvidenceFile(milestone, "empty.pdf", [], PortalRole.PointOfContact)).Message.ShouldBe("The file is empty.");
        var huge = new byte[EvidenceFile.MaxBytes + 1];
        Pdf.CopyTo(huge, 0);
        Should.Throw<DomainRuleException>(() => commitment.AddEvidenceFile(milestone, "huge.pdf", huge, PortalRole.PointOfContact)).Message.ShouldBe(EvidenceFile.TooLarge);
        milestone.EvidenceFiles.Select(f => f.FileName).ShouldBe([.. Enumerable.Range(1, 5).Select(i => $"minutes-{i}.pdf")]);
        milestone.EvidenceFiles.ShouldAllBe(f => f.ContentType == "application/pdf" && f.Length == Pdf.Length);
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return bytes.ToArray();
    }
}
