using System.Net;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>Country contributions: expectations per member and fiscal year, payments, and the year's overview.</summary>
public sealed class ContributionTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task YearOverview_CountsPayingAndNonPayingMembers_WithTotalsPerCurrency()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        var page = await staff.GetDocumentAsync("/support-unit/contributions?year=2026");
        var nonPaying = await staff.GetDocumentAsync("/support-unit/contributions?year=2026&paying=false");

        page.GetElementById("paying-count")!.TextContent.ShouldBe("3");
        page.GetElementById("non-paying-count")!.TextContent.ShouldBe("2");
        page.QuerySelector("#totals tbody tr")!.TextContent.ShouldContain("700,000.00");
        page.QuerySelector("#totals tbody tr")!.TextContent.ShouldContain("425,000.00");
        nonPaying.QuerySelectorAll("#members tbody tr td:first-child").Select(td => td.TextContent).ShouldBe(["Philippines", "Spain"]);
    }

    [Fact]
    public async Task RecordContributionAndPayments_UpdatesWhatWasReceived()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        using var created = await staff.SubmitFormAsync("/support-unit/contributions/UA/new", new Dictionary<string, string> { ["FiscalYear"] = "2025", ["Tier"] = "Tier 3", ["ExpectedAmount"] = "50000", ["Currency"] = "usd" });
        created.Headers.Location!.OriginalString.ShouldBe("/support-unit/contributions/UA/2025");
        using var paid = await staff.SubmitFormAsync("/support-unit/contributions/UA/2025", new Dictionary<string, string> { ["Payment.ReceivedOn"] = "2025-05-02", ["Payment.Amount"] = "20000.50", ["Payment.Note"] = "Wire transfer" }, "form[action$='/payments']");
        paid.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var summary = (await staff.GetDocumentAsync("/support-unit/contributions/UA/2025")).QuerySelector("main p.fs-5")!.TextContent;
        summary.ShouldBe("Tier 3: USD 20,000.50 received of USD 50,000.00 expected.");
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectType == "Contribution" && a.SubjectKey == "UA/2025").Select(a => a.EntityType).ToListAsync());
        audit.ShouldBe(["Contribution", "ContributionPayment"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("ExpectedAmount", "-5", "The amount cannot be negative.")]
    [InlineData("ExpectedAmount", "12.345", "The amount is at most 999,999,999.99, to the cent.")]
    [InlineData("Currency", "dollars", "The currency is a three-letter code such as USD or EUR.")]
    [InlineData("FiscalYear", "2026", "Norway's contribution for 2026 is already recorded; change it on its page.")]
    [InlineData("Tier", "", "Enter the tier, e.g. Tier 1.")]
    public async Task RecordContribution_WithBadInput_ShowsTheFieldMessageAndSavesNothing(string field, string value, string message)
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var before = await factory.WithDbAsync(db => db.Contributions.CountAsync());
        var fields = new Dictionary<string, string> { ["FiscalYear"] = "2027", ["Tier"] = "Tier 1", ["ExpectedAmount"] = "200000", ["Currency"] = "USD" };
        fields[field] = value;

        using var response = await staff.SubmitFormAsync("/support-unit/contributions/NO/new", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector($"#{field}-error")!.TextContent.ShouldBe(message);
        (await factory.WithDbAsync(db => db.Contributions.CountAsync())).ShouldBe(before);
    }

    [Theory]
    [InlineData("Payment.Amount", "0", "Payment_Amount", "Enter an amount above zero.")]
    [InlineData("Payment.Amount", "-100", "Payment_Amount", "Enter an amount above zero.")]
    [InlineData("Payment.ReceivedOn", "2099-01-01", "Payment_ReceivedOn", "A payment is recorded once received; this date is in the future.")]
    public async Task RecordPayment_WithBadInput_ShowsTheFieldMessageAndSavesNothing(string field, string value, string errorId, string message)
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var before = await factory.WithDbAsync(db => db.ContributionPayments.CountAsync());
        var fields = new Dictionary<string, string> { ["Payment.ReceivedOn"] = "2026-06-01", ["Payment.Amount"] = "1000", ["Payment.Currency"] = "USD" };
        fields[field] = value;

        using var response = await staff.SubmitFormAsync("/support-unit/contributions/ES/2026", fields, "form[action$='/payments']");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector($"#{errorId}-error")!.TextContent.ShouldBe(message);
        (await factory.WithDbAsync(db => db.ContributionPayments.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task PaymentInAnotherCurrency_CountsInTheTotals_ButDoesNotMakeTheMemberPaying()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        using var created = await staff.SubmitFormAsync("/support-unit/contributions/AM/new", new Dictionary<string, string> { ["FiscalYear"] = "2024", ["Tier"] = "Tier 3", ["ExpectedAmount"] = "50000", ["Currency"] = "USD" });
        using var paid = await staff.SubmitFormAsync("/support-unit/contributions/AM/2024", new Dictionary<string, string> { ["Payment.ReceivedOn"] = "2024-05-02", ["Payment.Amount"] = "100", ["Payment.Currency"] = "EUR" }, "form[action$='/payments']");

        var page = await staff.GetDocumentAsync("/support-unit/contributions?year=2024");

        page.GetElementById("paying-count")!.TextContent.ShouldBe("0");
        page.GetElementById("non-paying-count")!.TextContent.ShouldBe("1");
        page.QuerySelectorAll("#totals tbody tr").Select(r => r.TextContent.Trim()).ShouldContain(r => r.StartsWith("EUR", StringComparison.Ordinal) && r.Contains("100.00"));
    }

    [Fact]
    public async Task Contributions_AreForTheSupportUnitOnly()
    {
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);

        (await poc.GetAsync(new Uri("/support-unit/contributions", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await poc.GetAsync(new Uri("/support-unit/contributions/KE/2026", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
