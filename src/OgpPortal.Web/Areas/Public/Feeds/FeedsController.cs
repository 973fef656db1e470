using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OgpPortal.Domain.Common;
using OgpPortal.Web.Shared.Hosting;
using OgpPortal.Web.Shared.OpenData;
using OgpPortal.Web.Shared.Reports;

namespace OgpPortal.Web.Areas.Public.Feeds;

/// <summary>
/// An Atom feed of what the portal has newly made public: published action plans, published IRM reports
/// and accepted Open Gov Challenge entries, newest first. Links are built from <c>Portal:PublicUrl</c>.
/// </summary>
[StandbyReads]
[Route("feeds")]
public sealed class FeedsController(PublicData data, PublicFindings findings, IOptions<PortalOptions> options) : PublicController
{
    public const int Size = 50;

    private sealed record FeedItem(string Id, string Title, string Summary, string Path, DateTimeOffset Updated);

    [HttpGet("atom.xml")]
    [ResponseCache(Duration = 300, Location = ResponseCacheLocation.Any)]
    public async Task<IActionResult> Atom(CancellationToken cancellationToken)
    {
        var portal = options.Value;
        var plans = await data.ActionPlans().Where(p => p.PublishedAt != null).OrderByDescending(p => p.PublishedAt).Take(Size)
            .Select(p => new { p.Id, p.Title, MemberName = p.Member.Name, p.Number, PublishedAt = p.PublishedAt!.Value })
            .ToListAsync(cancellationToken);
        var reports = await findings.Published().Take(Size).ToListAsync(cancellationToken);
        var entries = await data.ChallengeEntries().Where(e => e.AcceptedAt != null).OrderByDescending(e => e.AcceptedAt).Take(Size)
            .Select(e => new { e.Id, e.Title, MemberName = e.Member.Name, e.Area, AcceptedAt = e.AcceptedAt!.Value })
            .ToListAsync(cancellationToken);

        var items = plans.Select(p => new FeedItem($"plan-{p.Id}", $"Action plan published: {p.Title}", $"{p.MemberName} published action plan {p.Number}.", $"/action-plans/{p.Id}", Utc(p.PublishedAt)))
            .Concat(reports.Select(r => new FeedItem($"report-{r.Id}", $"IRM report published: {EnumDisplay.Name(r.Type)} of {r.MemberName}, action plan {r.PlanNumber}", r.Summary ?? $"The IRM published its {EnumDisplay.Name(r.Type)}.", $"/reports/{r.Id}", new DateTimeOffset(r.PublishedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))))
            .Concat(entries.Select(e => new FeedItem($"challenge-{e.Id}", $"Open Gov Challenge entry accepted: {e.Title}", $"{e.MemberName}, {EnumDisplay.Name(e.Area)}.", $"/challenge/{e.Id}", Utc(e.AcceptedAt))))
            .OrderByDescending(i => i.Updated).ThenBy(i => i.Id, StringComparer.Ordinal)
            .Take(Size)
            .ToList();

        var feed = new SyndicationFeed(
            "OGP Portal: newly published",
            "Action plans, IRM reports and Open Gov Challenge entries as they are published.",
            new Uri(portal.Link("/")),
            portal.Link("/feeds/atom.xml"),
            items.Count > 0 ? items[0].Updated : DateTimeOffset.UnixEpoch)
        {
            Items = [.. items.Select(i => Item(portal, i))],
        };
        feed.Authors.Add(new SyndicationPerson { Name = "Open Government Partnership" });
        feed.Links.Add(new SyndicationLink(new Uri(portal.Link("/feeds/atom.xml")), "self", null, "application/atom+xml", 0));

        using var buffer = new MemoryStream();
        await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
            await writer.FlushAsync();
        }

        return File(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private static SyndicationItem Item(PortalOptions portal, FeedItem item) =>
        new(item.Title, item.Summary, new Uri(portal.Link(item.Path)), portal.Link(item.Path), item.Updated)
        {
            PublishDate = item.Updated,
        };

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
