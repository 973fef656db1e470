using System.Net;
using AngleSharp.Html.Dom;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Members;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>The public statistics page and its CSV files, over the demo data (read only).</summary>
public sealed class StatisticsTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly string[] Charts = ["plans", "policy-areas", "regions", "progress", "irm-completion", "early-results", "legacy-completion"];

    [Fact]
    public async Task Page_HasATableWithACaptionAndACsvLinkForEveryChart_AndDrawsThemWithLocalScripts()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        var page = await visitor.GetDocumentAsync("/statistics");

        foreach (var chart in Charts)
        {
            var table = page.QuerySelector($"table#table-{chart}");
            table.ShouldNotBeNull(chart);
            table.QuerySelector("caption")!.TextContent.ShouldNotBeNullOrWhiteSpace();
            page.QuerySelector($"a[href='/statistics/{chart}.csv']").ShouldNotBeNull(chart);
        }

        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        scripts.ShouldContain(s => s.StartsWith("/lib/chart.js/chart.umd.min", StringComparison.Ordinal));
        scripts.ShouldContain(s => s.StartsWith("/js/statistics", StringComparison.Ordinal));
        foreach (var script in scripts)
        {
            (await visitor.GetAsync(new Uri(script, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, script);
        }
    }

    [Fact]
    public async Task Regions_AndPlans_MatchTheData()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        var byRegion = await factory.WithDbAsync(db => db.Commitments
            .Where(c => c.ActionPlan.Status == ActionPlanStatus.Published || c.ActionPlan.Status == ActionPlanStatus.Closed)
            .GroupBy(c => c.ActionPlan.Member.Region).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));

        var page = await visitor.GetDocumentAsync("/statistics");

        var regions = Table(page, "regions");
        foreach (var region in Enum.GetValues<Region>())
        {
            regions[EnumDisplay.Name(region)].ShouldBe([byRegion.GetValueOrDefault(region)], region.ToString());
        }

        var plans = Table(page, "plans");
        plans["2017"].ShouldBe([0, 1], "Denmark's closed 2017–2019 plan");
        plans["2023"].ShouldBe([1, 1], "Kenya's published plan and the Philippines' closed one");
        Table(page, "progress")["Complete"].ShouldBe([7], "the demo commitments with all three milestones complete");
        Rendered(page, "legacy-completion").ShouldBe("Not started: 0; Limited: 1; Substantial: 1; Complete: 1");
    }

    [Fact]
    public async Task EveryCsv_HoldsTheSameNumbersAsItsTable()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        var page = await visitor.GetDocumentAsync("/statistics");

        foreach (var chart in Charts)
        {
            using var response = await visitor.GetAsync(new Uri($"/statistics/{chart}.csv", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, chart);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
            using var reader = CsvReader.FromText((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), new CsvReaderOptions { HasHeader = true });
            var rows = new Dictionary<string, int[]>();
            string[]? header = null;
            foreach (var row in reader)
            {
                header ??= [.. reader.Headers!];
                var values = new int[header.Length - 1];
                for (var i = 1; i < header.Length; i++)
                {
                    values[i - 1] = int.Parse(row.GetString(i), System.Globalization.CultureInfo.InvariantCulture);
                }

                rows[row.GetString(0)] = values;
            }

            header.ShouldBe(page.QuerySelectorAll($"#table-{chart} thead th").Select(th => th.TextContent.Trim()).ToArray(), chart);
            Rendered(rows).ShouldBe(Rendered(page, chart), chart);
        }
    }

    /// <summary>The search's plan-level criteria, as the statistics page and the search take them (each in the order the page writes its address).</summary>
    public static TheoryData<string> PlanLevelCriteria => new()
    {
        "region=Europe",
        "region=AfricaAndTheMiddleEast&region=Europe",
        "kind=Local",
        "year=2023",
        "member=DK&member=KE",
        "status=Closed",
        "region=AsiaAndThePacific&year=2024",
    };

    [Theory]
    [MemberData(nameof(PlanLevelCriteria))]
    public async Task WithCriteria_EveryChartCountsTheCommitmentsTheSearchFinds_AndThePlansTheyChoose(string criteria)
    {
        using var visitor = factory.CreateBrowserlikeClient();
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(criteria);
        string[] regions = [.. query.GetValueOrDefault("region").Select(v => v!)];
        string[] kinds = [.. query.GetValueOrDefault("kind").Select(v => v!)];
        string[] members = [.. query.GetValueOrDefault("member").Select(v => v!)];
        string[] statuses = [.. query.GetValueOrDefault("status").Select(v => v!)];
        int[] years = [.. query.GetValueOrDefault("year").Select(y => int.Parse(y!, System.Globalization.CultureInfo.InvariantCulture))];
        // The plans the criteria choose, asked of the database in its own terms: a year falls within the plan's period.
        var plans = (await factory.WithDbAsync(db => db.ActionPlans
                .Where(p => p.Status == ActionPlanStatus.Published || p.Status == ActionPlanStatus.Closed)
                .Select(p => new { p.Member.Region, p.Member.Kind, p.Member.Code, p.Status, Start = p.PeriodStart.Year, End = p.PeriodEnd.Year })
                .ToListAsync()))
            .Where(p => (regions.Length == 0 || regions.Contains(p.Region.ToString()))
                && (kinds.Length == 0 || kinds.Contains(p.Kind.ToString()))
                && (members.Length == 0 || members.Contains(p.Code))
                && (statuses.Length == 0 || statuses.Contains(p.Status.ToString()))
                && (years.Length == 0 || years.Any(y => y >= p.Start && y <= p.End)))
            .ToList();
        plans.ShouldNotBeEmpty(criteria);

        var page = await visitor.GetDocumentAsync($"/statistics?{criteria}");
        var search = await visitor.GetDocumentAsync($"/commitments?{criteria}");

        Table(page, "plans").Values.Sum(v => v.Sum()).ShouldBe(plans.Count, criteria);
        var found = CommitmentSearchTests.Total(search);
        Table(page, "regions").Values.Sum(v => v[0]).ShouldBe(found, criteria);
        Table(page, "progress").Values.Sum(v => v[0]).ShouldBe(found, criteria);
        Table(page, "regions").Where(r => r.Value[0] > 0).Select(r => r.Key).ShouldBeSubsetOf(
            regions.Length == 0 ? Enum.GetValues<Region>().Select(r => EnumDisplay.Name(r)) : regions.Select(r => EnumDisplay.Name(Enum.Parse<Region>(r))), criteria);
        Table(page, "plans").Keys.ShouldBe(plans.Select(p => p.Start).Distinct().Order().Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), criteria);
        foreach (var (key, values) in query)
        {
            foreach (var value in values)
            {
                page.QuerySelector($"#statistics-filters input[name='{key}'][value='{value}']")?.HasAttribute("checked").ShouldBeTrue($"{criteria}: {key}={value} is ticked");
            }
        }

        page.QuerySelector("#search-these")!.GetAttribute("href").ShouldBe($"/commitments?{criteria}");
        var csvLink = page.QuerySelector("#regions a[href^='/statistics/regions.csv']")!.GetAttribute("href")!;
        csvLink.ShouldBe($"/statistics/regions.csv?{criteria}");
        var csv = await visitor.GetStringAsync(new Uri(csvLink, UriKind.Relative));
        csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Sum(line => int.Parse(line.Split(',')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(found, criteria);
    }

    [Fact]
    public async Task CriteriaTheStatisticsDoNotTake_AreLeftOut_AndSaidSo()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        var all = await visitor.GetDocumentAsync("/statistics");

        var page = await visitor.GetDocumentAsync("/statistics?q=water&promising=true&region=Nowhere");

        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("left out");
        foreach (var chart in Charts)
        {
            Rendered(page, chart).ShouldBe(Rendered(all, chart), chart);
        }

        all.QuerySelector("[role=alert]").ShouldBeNull();
        all.QuerySelector("#search-these").ShouldBeNull("nothing is narrowed");
    }

    [Fact]
    public async Task AYearNoPlanCovers_CountsNothing()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        var page = await visitor.GetDocumentAsync("/statistics?year=1950");

        foreach (var chart in Charts)
        {
            Table(page, chart).Values.Sum(v => v.Sum()).ShouldBe(0, chart);
        }
    }

    [Fact]
    public async Task UnknownChart_IsNotFound()
    {
        using var visitor = factory.CreateBrowserlikeClient();

        (await visitor.GetAsync(new Uri("/statistics/secrets.csv", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>A statistics table as its row labels and raw numbers (data-value, not the formatted text).</summary>
    internal static Dictionary<string, int[]> Table(IHtmlDocument page, string chart) =>
        page.QuerySelectorAll($"#table-{chart} tbody tr").ToDictionary(
            tr => tr.QuerySelector("th")!.TextContent.Trim(),
            tr => tr.QuerySelectorAll("td").Select(td => int.Parse(td.GetAttribute("data-value")!, System.Globalization.CultureInfo.InvariantCulture)).ToArray());

    /// <summary>A table as one line ("Label: 1, 2; …"), in its order, for comparing whole tables.</summary>
    internal static string Rendered(IHtmlDocument page, string chart) => Rendered(Table(page, chart));

    private static string Rendered(Dictionary<string, int[]> table) => string.Join("; ", table.Select(r => $"{r.Key}: {string.Join(", ", r.Value)}"));
}
