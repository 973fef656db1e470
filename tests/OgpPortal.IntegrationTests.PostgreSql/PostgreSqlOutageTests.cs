using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// The PostgreSQL server goes away while the portal runs (a crash, a failover, a restart) and comes back: every page
/// answers the friendly 503 with Retry-After, /health is Unhealthy, a form post changes nothing, and the portal serves
/// again by itself once the server is back, without a restart. The portal runs on a cluster of its own here, so
/// stopping it touches no other test.
/// </summary>
public sealed class PostgreSqlOutageTests(PostgreSqlOutageTests.OwnClusterFactory factory) : IClassFixture<PostgreSqlOutageTests.OwnClusterFactory>
{
    /// <summary>A public page that reads the database at every request (member and plan pages may come from the output cache, ADR 0015).</summary>
    private const string PublicPage = "/consultations";

    [Fact]
    public async Task WhileTheServerIsDown_PagesAnswerAFriendly503_AFormChangesNothing_AndThePortalRecoversByItself()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocNorway);
        (await visitor.GetAsync(new Uri(PublicPage, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = await visitor.GetDocumentAsync("/members/NO");
        var address = $"outage-{Guid.NewGuid():N}@example.org";

        OwnClusterFactory.Cluster.StopServer();
        try
        {
            await ShouldBeTheUnavailablePageAsync(await visitor.GetAsync(new Uri(PublicPage, UriKind.Relative)));
            await ShouldBeTheUnavailablePageAsync(await poc.GetAsync(new Uri("/poc", UriKind.Relative)));
            using var health = await visitor.GetAsync(new Uri("/health", UriKind.Relative));
            health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            using var api = await visitor.GetAsync(new Uri("/api/v1/members", UriKind.Relative));
            api.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

            // The follow form read before the outage, posted during it.
            using var refused = await visitor.SubmitAsync(form.QuerySelector<IHtmlFormElement>("form[action='/follow']")!, new Dictionary<string, string> { ["Email"] = address }, "/members/NO");
            await ShouldBeTheUnavailablePageAsync(refused);
        }
        finally
        {
            OwnClusterFactory.Cluster.StartServer();
        }

        // Back: the pool's broken connections are replaced as they are used; no restart of the portal.
        (await visitor.GetAsync(new Uri(PublicPage, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await poc.GetAsync(new Uri("/poc", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await visitor.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.WithDbAsync(db => Task.FromResult(db.Followers.Count(f => f.Email == address)))).ShouldBe(0, "the form posted during the outage saved nothing");
        using var accepted = await visitor.SubmitFormAsync("/members/NO", new Dictionary<string, string> { ["Email"] = address }, "form[action='/follow']");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => Task.FromResult(db.Followers.Count(f => f.Email == address)))).ShouldBe(1);
    }

    private static async Task ShouldBeTheUnavailablePageAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(30));
            var document = await HtmlForms.ParseAsync(response);
            document.QuerySelector("h1")!.TextContent.ShouldBe("The portal is briefly unavailable");
            document.QuerySelector("main")!.TextContent.ShouldContain("Nothing was changed. Please try again in a minute.");
            document.Body!.TextContent.ShouldNotContain("Exception");
            document.Body!.TextContent.ShouldNotContain("Npgsql");
        }
    }

    /// <summary>The demo portal on a PostgreSQL cluster of its own, which the test stops and starts.</summary>
    public sealed class OwnClusterFactory : PortalAppFactory
    {
        private static readonly Lazy<PostgreSqlCluster> OwnCluster = new(() => new PostgreSqlCluster());

        public OwnClusterFactory()
            : base(id => new PostgreSqlTestDatabase(id, OwnCluster.Value))
        {
        }

        public static PostgreSqlCluster Cluster => OwnCluster.Value;

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && OwnCluster.IsValueCreated)
            {
                OwnCluster.Value.Dispose();
            }
        }
    }
}
