using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// Kenya's point of contact attaches files as evidence on the real progress form; the public downloads them
/// from the commitment's page, always as an attachment of the type found in the file.
/// </summary>
public sealed class EvidenceFileTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task Poc_AttachesAPdf_ThePublicDownloadsItAsAnAttachment()
    {
        var id = await IdAsync("KE0034");
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        using var response = await client.SubmitWithFileAsync($"/poc/commitments/{id}/progress", "Milestones[0].NewFile", ("Forum minutes, March.pdf", Pdf), contentType: "application/pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var anonymous = factory.CreateBrowserlikeClient();
        var page = await anonymous.GetDocumentAsync("/commitments/KE0034");
        var link = page.QuerySelectorAll("[data-evidence-file] a").SingleOrDefault(a => a.TextContent == "Forum minutes, March.pdf");
        link.ShouldNotBeNull();

        using var download = await anonymous.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("Forum minutes, March.pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        download.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("sandbox");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        download.Headers.CacheControl!.NoCache.ShouldBeTrue("a removed file must not live on in a cache");

        using var again = new HttpRequestMessage(HttpMethod.Get, link.GetAttribute("href"));
        again.Headers.IfNoneMatch.Add(download.Headers.ETag!);
        using var revalidated = await anonymous.SendAsync(again);
        revalidated.StatusCode.ShouldBe(HttpStatusCode.NotModified);

        var milestones = await anonymous.GetStringAsync(new Uri("/data/milestones.json", UriKind.Relative));
        milestones.ShouldContain(link.GetAttribute("href")!.Split('/')[..3].Aggregate((a, b) => a + "/" + b) + "\"");

        var trace = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectKey == "KE0034" && e.EntityType == nameof(EvidenceFile)).Select(e => e.Changes).ToListAsync());
        trace.ShouldContain(changes => changes.Contains("Forum minutes, March.pdf"));
    }

    [Theory]
    [InlineData("report.pdf", "<html><script>alert(document.cookie)</script></html>")]
    [InlineData("photo.png", "%PDF-1.4 a PDF dressed as an image")]
    [InlineData("tool.exe", "MZ an executable")]
    public async Task Poc_UploadsAFileThatIsNotWhatItsNameSays_IsRefusedAndNothingIsSaved(string name, string content)
    {
        var id = await IdAsync("KE0033");
        var before = await FileCountAsync(id);
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        using var response = await client.SubmitWithFileAsync(
            $"/poc/commitments/{id}/progress",
            "Milestones[0].NewFile",
            (name, Encoding.UTF8.GetBytes(content)),
            new Dictionary<string, string> { ["NoteText"] = "Evidence attached.", ["NoteDate"] = "2026-11-01", ["NoteCompletion"] = nameof(CompletionLevel.Limited) },
            contentType: "application/pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = await HtmlForms.ParseAsync(response);
        form.QuerySelector("#Milestones_0__NewFile-error")!.TextContent.ShouldBe(EvidenceFile.NotAccepted);
        (await FileCountAsync(id)).ShouldBe(before);
        (await factory.WithDbAsync(db => db.ProgressNotes.CountAsync(n => n.CommitmentId == id && n.Text == "Evidence attached."))).ShouldBe(0);
    }

    [Fact]
    public async Task Poc_UploadsAFileOverTenMegabytes_IsToldTheLimitAndNothingIsSaved()
    {
        var id = await IdAsync("KE0030");
        var huge = new byte[EvidenceFile.MaxBytes + 1];
        Pdf.CopyTo(huge, 0);
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        using var response = await client.SubmitWithFileAsync($"/poc/commitments/{id}/progress", "Milestones[0].NewFile", ("scan.pdf", huge), contentType: "application/pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector("#Milestones_0__NewFile-error")!.TextContent.ShouldBe(EvidenceFile.TooLarge);
        (await FileCountAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task Poc_SendsMoreThanOneSaveTakes_IsSentBackToTheFormWithTheLimitAndNothingIsSaved()
    {
        var id = await IdAsync("KE0030");
        var progress = $"/poc/commitments/{id}/progress";
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        var tooMuch = new byte[OgpPortal.Web.Areas.Poc.Progress.ProgressForm.MaxRequestBytes + 1];
        Pdf.CopyTo(tooMuch, 0);

        using var response = await client.SubmitWithFileAsync(progress, "Milestones[0].NewFile", ("scans.pdf", tooMuch), contentType: "application/pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(progress);
        var form = await client.GetDocumentAsync(progress);
        form.QuerySelector("main")!.TextContent.ShouldContain(OgpPortal.Web.Areas.Poc.Progress.ProgressForm.TooMuchAtOnce);
        (await FileCountAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task Poc_RemovesAnOfficeDocument_ItIsGoneFromThePageTheDownloadAndTheDatabase()
    {
        var id = await IdAsync("KE0032");
        var progress = $"/poc/commitments/{id}/progress";
        using var client = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        using (var added = await client.SubmitWithFileAsync(progress, "Milestones[0].NewFile", ("Budget tracker.xlsx", Workbook())))
        {
            added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var file = await factory.WithDbAsync(db => db.EvidenceFiles.Where(f => f.Milestone.CommitmentId == id).Select(f => new { f.Id, f.ContentType, f.FileName }).SingleAsync());
        file.ContentType.ShouldBe(EvidenceFileTypes.Xlsx.ContentType);
        var form = await client.GetDocumentAsync(progress);
        form.QuerySelector($"label[for='remove-file-{file.Id}']")!.TextContent.ShouldBe("Remove Budget tracker.xlsx");

        using var removed = await client.SubmitFormAsync(progress, new Dictionary<string, string> { ["Milestones[0].RemoveFileIds"] = file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FileCountAsync(id)).ShouldBe(0);
        (await factory.WithDbAsync(db => db.EvidenceFileContents.CountAsync(c => c.EvidenceFileId == file.Id))).ShouldBe(0);
        using var anonymous = factory.CreateBrowserlikeClient();
        using var download = await anonymous.GetAsync(new Uri($"/evidence/{file.Id}/{file.FileName}", UriKind.Relative));
        download.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EvidenceOfAPlanThatIsNotPublic_IsNotServed()
    {
        var id = await IdAsync("KE0031");
        var fileId = await factory.WithDbAsync(async db =>
        {
            var commitment = await db.Commitments.Include(c => c.ActionPlan).Include(c => c.Milestones).ThenInclude(m => m.EvidenceFiles).SingleAsync(c => c.Id == id);
            var file = commitment.AddEvidenceFile(commitment.Milestones.First(), "internal.pdf", Pdf, OgpPortal.Domain.Access.PortalRole.PointOfContact);
            await db.SaveChangesAsync();
            return file.Id;
        });
        var planId = await factory.WithDbAsync(db => db.Commitments.Where(c => c.Id == id).Select(c => c.ActionPlanId).SingleAsync());
        using var anonymous = factory.CreateBrowserlikeClient();
        using (var served = await anonymous.GetAsync(new Uri($"/evidence/{fileId}", UriKind.Relative)))
        {
            served.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // The plan taken out of the public's view (as if its publication were undone): the file goes with it.
        await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ActionPlanStatus.Submitted)));
        try
        {
            using var hidden = await anonymous.GetAsync(new Uri($"/evidence/{fileId}", UriKind.Relative));
            hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await hidden.Content.ReadAsStringAsync()).ShouldNotContain("%PDF");
        }
        finally
        {
            await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ActionPlanStatus.Published)));
        }
    }

    /// <summary>The smallest Excel workbook a spreadsheet program opens: its content types and its workbook part.</summary>
    internal static byte[] Workbook(bool withMacros = false)
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Write(zip, "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
            if (withMacros)
            {
                Write(zip, "xl/vbaProject.bin", "macro");
            }
        }

        return bytes.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }

    private Task<int> FileCountAsync(int commitmentId) => factory.WithDbAsync(db => db.EvidenceFiles.CountAsync(f => f.Milestone.CommitmentId == commitmentId));

    private Task<int> IdAsync(string identifier) => factory.WithDbAsync(db => db.Commitments.Where(c => c.Identifier == identifier).Select(c => c.Id).SingleAsync());
}
