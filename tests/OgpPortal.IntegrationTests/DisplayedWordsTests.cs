using System.Text.RegularExpressions;
using OgpPortal.Domain.Common;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// People read OGP's words, never the code's: walking every kind of page each kind of user reaches, no page shows
/// an enum value's code name ("LegacyLocal", "InConsultation") where its display name ("Legacy Local", "In
/// consultation") belongs. Attribute values (form choices, data attributes) may carry codes, and so may the data
/// dictionary's list of the files' codes; the text read may not.
/// </summary>
public sealed partial class DisplayedWordsTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    public static TheoryData<string, string> Principals => new()
    {
        { "anonymous", "/" },
        { DemoAccounts.PocNorway, "/poc" },
        { DemoAccounts.IrmResearcher, "/irm" },
        { DemoAccounts.SupportUnit, "/support-unit" },
    };

    /// <summary>Every enum value of the domain whose code name is not what people read: CamelCase names of two words or more.</summary>
    private static readonly IReadOnlyList<string> Codes = typeof(EnumDisplay).Assembly.GetTypes()
        .Where(t => t.IsEnum && t.IsPublic)
        .SelectMany(t => Enum.GetValues(t).Cast<Enum>())
        .Select(v => v.ToString())
        .Where(name => CamelCase().IsMatch(name))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    [Theory]
    [MemberData(nameof(Principals))]
    public async Task NoPage_ShowsAnEnumCodeName(string principal, string home)
    {
        using var client = principal == "anonymous"
            ? factory.CreateBrowserlikeClient()
            : await factory.SignedInClientAsync(principal);
        var found = new List<string>();

        var crawl = await FormCrawler.CrawlAsync(client, [home, "/", "/members", "/consultations", "/challenge", "/reports", "/commitments", "/statistics"], maxPages: 250, visit: (url, page) =>
        {
            // The data dictionary names the codes the open-data files use, on purpose, in elements marked as codes.
            foreach (var code in page.QuerySelectorAll("code, [data-codes]").ToList())
            {
                code.Remove();
            }

            var text = page.Body?.TextContent ?? string.Empty;
            found.AddRange(Codes.Where(code => Regex.IsMatch(text, $@"\b{code}\b")).Select(code => $"{url}: {code}"));
        });

        Codes.ShouldContain("LegacyLocal");
        crawl.Pages.ShouldBeGreaterThan(20);
        found.ShouldBeEmpty();
    }

    [GeneratedRegex("^[A-Z][a-z]+[A-Z]")]
    private static partial Regex CamelCase();
}
