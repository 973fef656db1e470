using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;
using OgpPortal.Web.Shared.Hosting;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// The public's read-only pages come from the output cache (ADR 0015), and a change shows at once: the
/// cache is evicted when the change is committed. Whether a page came from the cache is seen in the SQL
/// commands its request ran (none when it did).
/// </summary>
public sealed class PublicPageCacheTests(QueryBudgetTests.CountingFactory factory) : IClassFixture<QueryBudgetTests.CountingFactory>
{
    private static readonly string[] CachedPages = ["/", "/members", "/members/NO", "/action-plans/1", "/commitments/DK0041", "/statistics"];

    [Fact]
    public async Task A_member_page_comes_from_the_cache_until_the_Support_Unit_edits_it_and_then_shows_the_edit_at_once()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        var philippines = await factory.WithDbAsync(db => db.Members.Where(m => m.Code == "PH").Select(m => m.Id).SingleAsync());

        var first = await GetAsync(visitor, "/members/PH");
        var second = await GetAsync(visitor, "/members/PH");
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        using var edited = await staff.SubmitFormAsync($"/support-unit/members/{philippines}/edit", new Dictionary<string, string> { ["Website"] = "https://cache.example.ph/" });
        var afterEdit = await GetAsync(visitor, "/members/PH", settle: false);
        var later = await GetAsync(visitor, "/members/PH");
        var again = await GetAsync(visitor, "/members/PH");

        Assert.True(first.Commands > 0, "The first request should render the page from the database.");
        Assert.Equal(0, second.Commands);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("https://cache.example.ph/", afterEdit.Body, StringComparison.Ordinal);
        Assert.True(afterEdit.Commands > 0, "The edit should have evicted the cached page.");
        Assert.Equal(0, again.Commands);
        Assert.Equal(later.Body, again.Body);
        Assert.Contains("https://cache.example.ph/", again.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_shows_on_the_cached_home_page_as_soon_as_it_is_committed()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        _ = await GetAsync(visitor, "/");
        var before = await GetAsync(visitor, "/");

        await factory.ImportAsync(OgpFiles.Small(OgpFiles.Row(1, "Cached home page commitment", code: "QC", name: "Cacheland")));
        var after = await GetAsync(visitor, "/", settle: false);

        Assert.Equal(0, before.Commands);
        Assert.True(after.Commands > 0, "The import should have evicted the cached home page.");
        Assert.NotEqual(before.Body, after.Body);
    }

    [Fact]
    public async Task A_dry_run_changes_nothing_and_leaves_the_cached_pages_in_place()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        _ = await GetAsync(visitor, "/members");

        await factory.ImportAsync(OgpFiles.Small(OgpFiles.Row(1, "Dry run commitment", code: "QD", name: "Dryland")), dryRun: true);
        var after = await GetAsync(visitor, "/members");

        Assert.Equal(0, after.Commands);
    }

    [Fact]
    public async Task Signed_in_visitors_get_their_own_page_never_the_cached_one()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        _ = await GetAsync(visitor, "/members/DK");
        var anonymous = await GetAsync(visitor, "/members/DK");
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        var signedIn = await GetAsync(staff, "/members/DK");

        Assert.Equal(0, anonymous.Commands);
        Assert.True(signedIn.Commands > 0, "A signed-in request must not be answered from the cache.");
        Assert.Contains("/account/logout", signedIn.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("/account/logout", anonymous.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_language_has_its_own_cached_page()
    {
        using var english = factory.CreateBrowserlikeClient();
        using var spanish = factory.CreateBrowserlikeClient();
        spanish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        _ = await GetAsync(english, "/members/KE");
        var cachedEnglish = await GetAsync(english, "/members/KE");

        var firstSpanish = await GetAsync(spanish, "/members/KE");
        var cachedSpanish = await GetAsync(spanish, "/members/KE");

        Assert.Equal(0, cachedEnglish.Commands);
        Assert.Contains("lang=\"en\"", cachedEnglish.Body, StringComparison.Ordinal);
        Assert.True(firstSpanish.Commands > 0, "The Spanish page must not be the cached English one.");
        Assert.Contains("lang=\"es\"", firstSpanish.Body, StringComparison.Ordinal);
        Assert.Equal(0, cachedSpanish.Commands);
        Assert.Equal(firstSpanish.Body, cachedSpanish.Body);
    }

    [Fact]
    public async Task Each_query_has_its_own_cached_page()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        _ = await GetAsync(visitor, "/members");
        var all = await GetAsync(visitor, "/members");

        var local = await GetAsync(visitor, "/members?kind=Local");

        Assert.Equal(0, all.Commands);
        Assert.Contains("Norway", all.Body, StringComparison.Ordinal);
        Assert.True(local.Commands > 0, "The filtered list must not be the cached whole list.");
        Assert.Contains("Madrid", local.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(">Norway<", local.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cached_pages_hold_nothing_personal_no_token_and_set_no_cookie()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        foreach (var page in CachedPages)
        {
            using var response = await visitor.GetAsync(new Uri(page, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies), $"{page} sets a cookie, so it cannot be cached: {string.Join("; ", cookies ?? [])}");
            Assert.DoesNotContain("__RequestVerificationToken", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_language_switcher_and_the_follow_form_work_from_a_cached_page()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        _ = await GetAsync(visitor, "/action-plans/1");
        var cached = await GetAsync(visitor, "/action-plans/1");

        using var language = await visitor.SubmitFormAsync("/action-plans/1", new Dictionary<string, string> { ["culture"] = "fr" }, "#language-switcher");
        using var french = await visitor.GetAsync(new Uri("/action-plans/1", UriKind.Relative));
        using var follow = await visitor.SubmitFormAsync("/action-plans/1", new Dictionary<string, string> { ["Email"] = "cache.follower@example.org" }, "form[action='/follow']");

        Assert.Equal(0, cached.Commands);
        Assert.Equal(HttpStatusCode.Redirect, language.StatusCode);
        Assert.Contains("lang=\"fr\"", await french.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, follow.StatusCode);
        Assert.EndsWith("/follow/requested", follow.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(await factory.MailsToAsync("cache.follower@example.org"));
    }

    /// <summary>
    /// The statistics page runs no SQL of its own (it counts from the search's index), so the cache's answer is
    /// told by its Age header: its own address for a choice is kept; an address with options it leaves out, or
    /// not its own form, is answered but never kept, so odd addresses cannot fill the cache.
    /// </summary>
    [Theory]
    [InlineData("/statistics?region=Europe", true)]
    [InlineData("/statistics?member=DK&member=KE", true)]
    [InlineData("/statistics?region=Europe&q=water", false)]
    [InlineData("/statistics?anything=1", false)]
    public async Task The_statistics_are_kept_in_the_cache_for_their_own_addresses_only(string address, bool kept)
    {
        using var visitor = factory.CreateBrowserlikeClient();
        await factory.Services.GetRequiredService<PublicPageCache>().SettledAsync();

        using var first = await visitor.GetAsync(new Uri(address, UriKind.Relative));
        using var second = await visitor.GetAsync(new Uri(address, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(kept, second.Headers.Age is not null);
    }

    /// <summary>
    /// Reads a page and counts its SQL commands. A change evicts the pages a second time two seconds later
    /// (ADR 0015), so a read that counts on the cache first lets an earlier change's second eviction pass.
    /// </summary>
    private async Task<(int Commands, string Body)> GetAsync(HttpClient client, string url, bool settle = true)
    {
        if (settle)
        {
            await factory.Services.GetRequiredService<PublicPageCache>().SettledAsync();
        }

        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add(QueryBudgetTests.CountingFactory.Header, id);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (factory.Counter.Take(id), await response.Content.ReadAsStringAsync());
    }
}
