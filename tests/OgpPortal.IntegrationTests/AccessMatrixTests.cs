using System.Net;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;
using static OgpPortal.IntegrationTests.Support.Outcome;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// The access matrix (issue 9): every endpoint of the app, taken from its endpoint data source at test time,
/// requested as each principal — anonymous, a point of contact of member A (Norway) and of member B (Kenya),
/// the IRM researcher assigned to A's plan and one who is not, and the Support Unit — against the expected
/// outcomes in <see cref="Table"/>. An endpoint missing from the table fails the test, so a new screen cannot
/// slip through. Refused requests carry a valid antiforgery token, so the refusal is the access check's, and
/// the whole database is fingerprinted around them: they change nothing. Unpublished records carry markers
/// that no response to someone outside their scope may contain.
/// </summary>
public sealed class AccessMatrixTests : IClassFixture<PortalAppFactory>
{
    // Who may use an endpoint, as the outcome each principal gets, in the order of Principal:
    //                                                      Anonymous  PocOfA     PocOfB     IrmAssigned IrmNotAssigned SupportUnit
    private static readonly Outcome[] Everyone = /*        */ [Ok, Ok, Ok, Ok, Ok, Ok];
    private static readonly Outcome[] Unpublished = /*     */ [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound];
    private static readonly Outcome[] SignedIn = /*        */ [Login, Ok, Ok, Ok, Ok, Ok];
    private static readonly Outcome[] SignInInProgress = /**/ [Login, Login, Login, Login, Login, Login];
    private static readonly Outcome[] DeniedPage = /*      */ [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden];
    private static readonly Outcome[] Staff = /*           */ [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok];
    private static readonly Outcome[] EditorsOfA = /*      */ [Login, Ok, Forbidden, Forbidden, Forbidden, Ok];
    private static readonly Outcome[] PocsOfA = /*         */ [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden];
    private static readonly Outcome[] AnyPoc = /*          */ [Login, Ok, Ok, Forbidden, Forbidden, Forbidden];
    private static readonly Outcome[] AnyResearcher = /*   */ [Login, Forbidden, Forbidden, Ok, Ok, Forbidden];
    private static readonly Outcome[] AssignedResearcher = [Login, Forbidden, Forbidden, Ok, Forbidden, Forbidden];

    /// <summary>Every endpoint, who may use it, and the addresses tried ({names} are the records of <see cref="MatrixRecords"/>).</summary>
    internal static readonly MatrixRow[] Table =
    [
        // Public pages: everyone reads what is published; unpublished records are not there.
        new("GET", "", Everyone, ""),
        new("GET", "action-plans/{id:int}", Everyone, "action-plans/{publishedPlan}", "action-plans/{closedPlan}"),
        new("GET", "action-plans/{id:int}", Unpublished, "action-plans/{draftPlan}"),
        new("GET", "evidence/{id:int}/{name?}", Everyone, "evidence/{evidenceFile}/matrix.pdf", "evidence/{evidenceFile}"),
        new("GET", "action-plans/{id:int}/commitments.csv", Everyone, "action-plans/{publishedPlan}/commitments.csv", "action-plans/{closedPlan}/commitments.csv"),
        new("GET", "action-plans/{id:int}/commitments.csv", Unpublished, "action-plans/{draftPlan}/commitments.csv"),
        new("GET", "action-plans/{id:int}/milestones.csv", Everyone, "action-plans/{publishedPlan}/milestones.csv", "action-plans/{closedPlan}/milestones.csv"),
        new("GET", "action-plans/{id:int}/milestones.csv", Unpublished, "action-plans/{draftPlan}/milestones.csv"),
        new("GET", "commitments", Everyone, "commitments", "commitments?q=MATRIX", "commitments?q=Unpublished"),
        new("GET", "commitments/{identifier}", Everyone, "commitments/{publishedIdentifier}", "commitments/{closedIdentifier}"),
        new("GET", "commitments/{identifier}", Unpublished, "commitments/{draftIdentifier}"),
        new("GET", "members", Everyone, "members"),
        new("GET", "members/{code}", Everyone, "members/NO", "members/KE"),
        new("GET", "challenge", Everyone, "challenge"),
        new("GET", "challenge/progress", Everyone, "challenge/progress"),
        new("GET", "challenge/export.csv", Everyone, "challenge/export.csv"),
        new("GET", "challenge/export.json", Everyone, "challenge/export.json"),
        new("GET", "challenge/{id:int}", Unpublished, "challenge/{draftEntry}"),
        new("GET", "consultations", Everyone, "consultations"),
        new("GET", "consultations/{planId:int}", Everyone, "consultations/{consultingPlan}"),
        new("GET", "consultations/{planId:int}", Unpublished, "consultations/{draftPlan}"),
        new("POST", "consultations/{planId:int}/comments", Everyone, "consultations/{consultingPlan}/comments"),
        new("POST", "consultations/{planId:int}/comments", Unpublished, "consultations/{draftPlan}/comments"),
        new("GET", "reports", Everyone, "reports"),
        new("GET", "reports/{id:int}", Unpublished, "reports/{draftReport}", "reports/{review}"),
        new("GET", "statistics", Everyone, "statistics"),
        new("GET", "statistics/{chart}.csv", Everyone, "statistics/plans.csv", "statistics/policy-areas.csv", "statistics/regions.csv", "statistics/progress.csv", "statistics/irm-completion.csv"),
        new("GET", "data", Everyone, "data"),
        new("GET", "data/ogp-commitments-export.csv", Everyone, "data/ogp-commitments-export.csv"),
        new("GET", "data/{name}.csv", Everyone, "data/members.csv", "data/action-plans.csv", "data/commitments.csv", "data/milestones.csv", "data/irm-assessments.csv", "data/challenge-entries.csv"),
        new("GET", "data/{name}.json", Everyone, "data/members.json", "data/action-plans.json", "data/commitments.json", "data/milestones.json", "data/irm-assessments.json", "data/challenge-entries.json"),
        new("GET", "feeds/atom.xml", Everyone, "feeds/atom.xml"),
        new("POST", "follow", Everyone, "follow"),
        new("GET", "follow/requested", Everyone, "follow/requested"),
        new("GET", "follow/confirm", Everyone, "follow/confirm?token=matrix"),
        new("GET", "follow/unsubscribe", Everyone, "follow/unsubscribe?token=matrix"),
        new("POST", "follow/unsubscribe", Everyone, "follow/unsubscribe?token=matrix"),
        new("POST", "language", Everyone, "language"),
        new("GET", "error", Unpublished, "error"),
        new("POST", "error", Unpublished, "error"),
        new("GET", "error/{code:int}", Unpublished, "error/500", "error/403"),
        new("POST", "error/{code:int}", Unpublished, "error/500"),

        // Files and machine endpoints: wwwroot, the health check, the OpenAPI document and its reference page.
        new("GET", AccessMatrix.StaticAssets, Everyone, "css/site.css", "js/site.js", "favicon.ico", "lib/bootstrap/css/bootstrap.min.css"),
        new("GET", "{**path:file}", Unpublished, "no-such-file.txt", "App_Data/ogp-portal.db"),
        new("GET", "health", Everyone, "health"),
        new("GET", "openapi/{documentName}.json", Everyone, "openapi/v1.json"),
        new("GET", "api/reference/{documentName?}", Everyone, "api/reference", "api/reference/v1"),
        new("GET", "api/reference/scalar.js", Everyone, "api/reference/scalar.js"),
        new("GET", "api/reference/scalar.aspnetcore.js", Everyone, "api/reference/scalar.aspnetcore.js"),
        new("GET", "api/reference/favicon.svg", Everyone, "api/reference/favicon.svg"),

        // The open API: read-only, published records only.
        new("GET", "api/v1/members", Everyone, "api/v1/members"),
        new("GET", "api/v1/members/{id}", Everyone, "api/v1/members/{memberA}"),
        new("GET", "api/v1/action-plans", Everyone, "api/v1/action-plans"),
        new("GET", "api/v1/action-plans/{id}", Everyone, "api/v1/action-plans/{publishedPlan}"),
        new("GET", "api/v1/action-plans/{id}", Unpublished, "api/v1/action-plans/{draftPlan}"),
        new("GET", "api/v1/commitments", Everyone, "api/v1/commitments", "api/v1/commitments?q=Unpublished"),
        new("GET", "api/v1/commitments/{id}", Everyone, "api/v1/commitments/{publishedCommitment}"),
        new("GET", "api/v1/commitments/{id}", Unpublished, "api/v1/commitments/{draftCommitment}"),
        new("GET", "api/v1/challenge-entries", Everyone, "api/v1/challenge-entries"),

        // Accounts: the sign-in pages are open; two-factor pages belong to a sign-in in progress or a signed-in account.
        new("GET", "account/login", Everyone, "account/login"),
        new("POST", "account/login", Everyone, "account/login"),
        new("POST", "account/logout", Everyone, "account/logout"),
        new("GET", "account/access-denied", DeniedPage, "account/access-denied"),
        new("GET", "account/forgot-password", Everyone, "account/forgot-password"),
        new("POST", "account/forgot-password", Everyone, "account/forgot-password"),
        new("GET", "account/forgot-password/sent", Everyone, "account/forgot-password/sent"),
        new("GET", "account/reset-password", Everyone, "account/reset-password?email=nobody%40ogp.test&code=matrix"),
        new("POST", "account/reset-password", Everyone, "account/reset-password"),
        new("GET", "account/reset-password/done", Everyone, "account/reset-password/done"),
        new("GET", "account/invitation", Everyone, "account/invitation?userId=matrix&code=matrix"),
        new("POST", "account/invitation", Everyone, "account/invitation"),
        new("GET", "account/two-factor", SignInInProgress, "account/two-factor"),
        new("POST", "account/two-factor", SignInInProgress, "account/two-factor"),
        new("GET", "account/recovery-code", SignInInProgress, "account/recovery-code"),
        new("POST", "account/recovery-code", SignInInProgress, "account/recovery-code"),
        new("GET", "account/two-factor/setup", SignedIn, "account/two-factor/setup"),
        new("POST", "account/two-factor/setup", SignedIn, "account/two-factor/setup"),
        // Shows the codes once, right after set-up; otherwise (anyone, signed in or not) it sends home.
        new("GET", "account/two-factor/recovery-codes", Everyone, "account/two-factor/recovery-codes"),

        // Points of contact: their own members' plans, commitments, consultations, Challenge entries and
        // progress; the plan editors are shared with the Support Unit.
        new("GET", "poc", AnyPoc, "poc"),
        new("GET", "poc/members/{memberId:int}/plans/new", EditorsOfA, "poc/members/{memberA}/plans/new"),
        new("POST", "poc/members/{memberId:int}/plans/new", EditorsOfA, "poc/members/{memberA}/plans/new"),
        new("GET", "poc/plans/{id:int}", EditorsOfA, "poc/plans/{draftPlan}"),
        new("GET", "poc/plans/{id:int}/edit", EditorsOfA, "poc/plans/{draftPlan}/edit"),
        new("POST", "poc/plans/{id:int}/edit", EditorsOfA, "poc/plans/{draftPlan}/edit"),
        new("POST", "poc/plans/{id:int}/submit", EditorsOfA, "poc/plans/{draftPlan}/submit"),
        new("POST", "poc/plans/{id:int}/commitments/{commitmentId:int}/resubmit", EditorsOfA, "poc/plans/{draftPlan}/commitments/{draftCommitment}/resubmit"),
        new("GET", "poc/plans/{planId:int}/commitments/new", EditorsOfA, "poc/plans/{draftPlan}/commitments/new"),
        new("POST", "poc/plans/{planId:int}/commitments/new", EditorsOfA, "poc/plans/{draftPlan}/commitments/new"),
        new("GET", "poc/commitments/{id:int}/edit", EditorsOfA, "poc/commitments/{draftCommitment}/edit"),
        new("POST", "poc/commitments/{id:int}/edit", EditorsOfA, "poc/commitments/{draftCommitment}/edit"),
        new("POST", "poc/commitments/{id:int}/move", EditorsOfA, "poc/commitments/{draftCommitment}/move"),
        new("POST", "poc/commitments/{id:int}/delete", EditorsOfA, "poc/commitments/{spareCommitment}/delete"),
        new("GET", "poc/commitments/{id:int}/progress", PocsOfA, "poc/commitments/{closedCommitment}/progress"),
        new("POST", "poc/commitments/{id:int}/progress", PocsOfA, "poc/commitments/{closedCommitment}/progress"),
        new("GET", "poc/plans/{planId:int}/consultation", EditorsOfA, "poc/plans/{consultingPlan}/consultation"),
        new("POST", "poc/plans/{planId:int}/consultation", EditorsOfA, "poc/plans/{draftPlan}/consultation"),
        new("POST", "poc/plans/{planId:int}/consultation/close", EditorsOfA, "poc/plans/{consultingPlan}/consultation/close"),
        new("POST", "poc/plans/{planId:int}/consultation/comments/{commentId:int}/publish", EditorsOfA, "poc/plans/{consultingPlan}/consultation/comments/{heldComment}/publish"),
        new("POST", "poc/plans/{planId:int}/consultation/comments/{commentId:int}/reject", EditorsOfA, "poc/plans/{consultingPlan}/consultation/comments/{heldComment}/reject"),
        new("POST", "poc/plans/{planId:int}/consultation/comments/{commentId:int}/respond", EditorsOfA, "poc/plans/{consultingPlan}/consultation/comments/{publishedComment}/respond"),
        new("GET", "poc/members/{memberId:int}/challenge/new", EditorsOfA, "poc/members/{memberA}/challenge/new"),
        new("POST", "poc/members/{memberId:int}/challenge/new", EditorsOfA, "poc/members/{memberA}/challenge/new"),
        new("GET", "poc/challenge/{id:int}", EditorsOfA, "poc/challenge/{draftEntry}"),
        new("GET", "poc/challenge/{id:int}/edit", EditorsOfA, "poc/challenge/{draftEntry}/edit"),
        new("POST", "poc/challenge/{id:int}/edit", EditorsOfA, "poc/challenge/{draftEntry}/edit"),
        new("POST", "poc/challenge/{id:int}/submit", EditorsOfA, "poc/challenge/{draftEntry}/submit"),
        new("GET", "poc/reports/{id:int}", PocsOfA, "poc/reports/{review}"),
        new("POST", "poc/reports/{id:int}/comments", PocsOfA, "poc/reports/{review}/comments"),

        // IRM researchers: only the plans they are assigned to.
        new("GET", "irm", AnyResearcher, "irm"),
        new("GET", "irm/plans/{planId:int}", AssignedResearcher, "irm/plans/{closedPlan}"),
        new("POST", "irm/plans/{planId:int}/reports", AssignedResearcher, "irm/plans/{closedPlan}/reports"),
        new("GET", "irm/reports/{id:int}", AssignedResearcher, "irm/reports/{draftReport}", "irm/reports/{review}"),
        new("POST", "irm/reports/{id:int}/text", AssignedResearcher, "irm/reports/{draftReport}/text"),
        new("GET", "irm/reports/{id:int}/commitments/{commitmentId:int}", AssignedResearcher, "irm/reports/{draftReport}/commitments/{closedCommitment}"),
        new("POST", "irm/reports/{id:int}/commitments/{commitmentId:int}", AssignedResearcher, "irm/reports/{draftReport}/commitments/{closedCommitment}"),
        new("POST", "irm/reports/{id:int}/open-for-comment", AssignedResearcher, "irm/reports/{draftReport}/open-for-comment"),
        new("POST", "irm/reports/{id:int}/return-to-draft", AssignedResearcher, "irm/reports/{review}/return-to-draft"),
        new("POST", "irm/reports/{id:int}/publish", AssignedResearcher, "irm/reports/{review}/publish"),
        new("POST", "irm/reports/{id:int}/comments/{commentId:int}/answer", AssignedResearcher, "irm/reports/{review}/comments/{reviewComment}/answer"),

        // The Support Unit: registry, review, publication, people, imports and exports.
        new("GET", "support-unit", Staff, "support-unit"),
        new("GET", "support-unit/audit", Staff, "support-unit/audit"),
        new("GET", "support-unit/deadlines", Staff, "support-unit/deadlines"),
        new("GET", "support-unit/consultations", Staff, "support-unit/consultations"),
        new("GET", "support-unit/commitments/{identifier}/history", Staff, "support-unit/commitments/{draftIdentifier}/history"),
        new("GET", "support-unit/members", Staff, "support-unit/members"),
        new("GET", "support-unit/members/new", Staff, "support-unit/members/new"),
        new("POST", "support-unit/members/new", Staff, "support-unit/members/new"),
        new("GET", "support-unit/members/{id:int}", Staff, "support-unit/members/{memberA}"),
        new("GET", "support-unit/members/{id:int}/edit", Staff, "support-unit/members/{memberA}/edit"),
        new("POST", "support-unit/members/{id:int}/edit", Staff, "support-unit/members/{memberA}/edit"),
        new("POST", "support-unit/members/{id:int}/status", Staff, "support-unit/members/{memberA}/status"),
        new("POST", "support-unit/members/{id:int}/archive", Staff, "support-unit/members/{memberA}/archive"),
        new("POST", "support-unit/members/{id:int}/restore", Staff, "support-unit/members/{memberA}/restore"),
        new("POST", "support-unit/members/{id:int}/delete", Staff, "support-unit/members/{memberA}/delete"),
        new("GET", "support-unit/plans/{id:int}", Staff, "support-unit/plans/{consultingPlan}"),
        new("POST", "support-unit/plans/{id:int}/co-creation", Staff, "support-unit/plans/{consultingPlan}/co-creation"),
        new("POST", "support-unit/plans/{id:int}/meetings", Staff, "support-unit/plans/{consultingPlan}/meetings"),
        new("POST", "support-unit/plans/{id:int}/meetings/{meetingId:int}/remove", Staff, "support-unit/plans/{consultingPlan}/meetings/{meeting}/remove"),
        new("GET", "support-unit/reviews/{id:int}", Staff, "support-unit/reviews/{draftPlan}"),
        new("POST", "support-unit/reviews/{id:int}/commitments/{commitmentId:int}/accept", Staff, "support-unit/reviews/{draftPlan}/commitments/{draftCommitment}/accept"),
        new("POST", "support-unit/reviews/{id:int}/commitments/{commitmentId:int}/return", Staff, "support-unit/reviews/{draftPlan}/commitments/{draftCommitment}/return"),
        new("POST", "support-unit/reviews/{id:int}/accept-remaining", Staff, "support-unit/reviews/{draftPlan}/accept-remaining"),
        new("POST", "support-unit/reviews/{id:int}/return", Staff, "support-unit/reviews/{draftPlan}/return"),
        new("POST", "support-unit/reviews/{id:int}/publish", Staff, "support-unit/reviews/{draftPlan}/publish"),
        new("POST", "support-unit/reviews/{id:int}/close", Staff, "support-unit/reviews/{draftPlan}/close"),
        new("GET", "support-unit/reports/{id:int}", Staff, "support-unit/reports/{review}"),
        new("POST", "support-unit/reports/{id:int}/comments", Staff, "support-unit/reports/{review}/comments"),
        new("POST", "support-unit/reports/{id:int}/correction", Staff, "support-unit/reports/{review}/correction"),
        new("GET", "support-unit/challenge", Staff, "support-unit/challenge"),
        new("GET", "support-unit/challenge/targets", Staff, "support-unit/challenge/targets"),
        new("POST", "support-unit/challenge/targets", Staff, "support-unit/challenge/targets"),
        new("GET", "support-unit/challenge/{id:int}", Staff, "support-unit/challenge/{draftEntry}"),
        new("POST", "support-unit/challenge/{id:int}/accept", Staff, "support-unit/challenge/{draftEntry}/accept"),
        new("POST", "support-unit/challenge/{id:int}/return", Staff, "support-unit/challenge/{draftEntry}/return"),
        new("POST", "support-unit/challenge/{id:int}/promising", Staff, "support-unit/challenge/{draftEntry}/promising"),
        new("POST", "support-unit/challenge/{id:int}/not-promising", Staff, "support-unit/challenge/{draftEntry}/not-promising"),
        new("GET", "support-unit/contributions", Staff, "support-unit/contributions"),
        new("GET", "support-unit/contributions/{code}/new", Staff, "support-unit/contributions/NO/new"),
        new("POST", "support-unit/contributions/{code}/new", Staff, "support-unit/contributions/NO/new"),
        new("GET", "support-unit/contributions/{code}/{year:int}", Staff, "support-unit/contributions/NO/2026"),
        new("POST", "support-unit/contributions/{code}/{year:int}/expectation", Staff, "support-unit/contributions/NO/2026/expectation"),
        new("POST", "support-unit/contributions/{code}/{year:int}/payments", Staff, "support-unit/contributions/NO/2026/payments"),
        new("POST", "support-unit/contributions/{code}/{year:int}/payments/{paymentId:int}/remove", Staff, "support-unit/contributions/NO/2026/payments/{payment}/remove"),
        new("GET", "support-unit/people", Staff, "support-unit/people"),
        new("GET", "support-unit/people/invite", Staff, "support-unit/people/invite"),
        new("POST", "support-unit/people/invite", Staff, "support-unit/people/invite"),
        new("GET", "support-unit/people/{id}", Staff, "support-unit/people/{person}"),
        new("POST", "support-unit/people/{id}/role", Staff, "support-unit/people/{person}/role"),
        new("POST", "support-unit/people/{id}/members", Staff, "support-unit/people/{person}/members"),
        new("POST", "support-unit/people/{id}/plans", Staff, "support-unit/people/{person}/plans"),
        new("POST", "support-unit/people/{id}/members/{memberId:int}/remove", Staff, "support-unit/people/{person}/members/{memberA}/remove"),
        new("POST", "support-unit/people/{id}/plans/{planId:int}/remove", Staff, "support-unit/people/{person}/plans/{closedPlan}/remove"),
        new("POST", "support-unit/people/{id}/deactivate", Staff, "support-unit/people/{person}/deactivate"),
        new("POST", "support-unit/people/{id}/reactivate", Staff, "support-unit/people/{person}/reactivate"),
        new("POST", "support-unit/people/{id}/two-factor/reset", Staff, "support-unit/people/{person}/two-factor/reset"),
        new("POST", "support-unit/people/{id}/invitation", Staff, "support-unit/people/{person}/invitation"),
        new("GET", "support-unit/data-import", Staff, "support-unit/data-import"),
        new("POST", "support-unit/data-import", Staff, "support-unit/data-import"),
        new("GET", "support-unit/data-import/{id:guid}", Staff, "support-unit/data-import/{importJob}"),
        new("GET", "support-unit/data-import/{id:guid}/progress", Staff, "support-unit/data-import/{importJob}/progress"),
        new("GET", "support-unit/data-import/{id:guid}/report.csv", Staff, "support-unit/data-import/{importJob}/report.csv"),
        new("GET", "support-unit/exports/members.csv", Staff, "support-unit/exports/members.csv"),
        new("GET", "support-unit/exports/contacts.csv", Staff, "support-unit/exports/contacts.csv"),
        new("GET", "support-unit/exports/contributions.csv", Staff, "support-unit/exports/contributions.csv"),
        new("GET", "support-unit/exports/ogp-commitments-export.csv", Staff, "support-unit/exports/ogp-commitments-export.csv"),
    ];

    /// <summary>Who may see each marker; every other principal's responses must not contain it.</summary>
    private static readonly Dictionary<string, Principal[]> MarkerReaders = new(StringComparer.Ordinal)
    {
        [MatrixRecords.DraftMarker] = [Principal.PocOfA, Principal.SupportUnit],
        [MatrixRecords.ReportMarker] = [Principal.IrmAssigned, Principal.SupportUnit],
    };

    private readonly PortalAppFactory _factory;

    public AccessMatrixTests(PortalAppFactory factory) => _factory = factory;

    [Fact]
    public void Every_endpoint_has_a_line_in_the_table_and_every_line_an_endpoint()
    {
        var endpoints = AccessMatrix.Endpoints(_factory.Services).Select(e => $"{e.Method} /{e.Pattern}").ToHashSet(StringComparer.Ordinal);
        var rows = Table.Select(r => r.Endpoint).ToHashSet(StringComparer.Ordinal);

        Assert.True(endpoints.Count > 150, $"Only {endpoints.Count} endpoints were found; the enumeration is broken.");
        var missing = endpoints.Except(rows).Order(StringComparer.Ordinal).ToList();
        var stale = rows.Except(endpoints).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Endpoints missing from the table:\n" + string.Join('\n', missing));
        Assert.True(stale.Count == 0, "Lines of the table without an endpoint:\n" + string.Join('\n', stale));
    }

    [Fact]
    public async Task Every_endpoint_gives_each_principal_the_expected_outcome_and_refusals_change_nothing()
    {
        var records = await MatrixRecords.MakeAsync(_factory);
        var clients = await SignInAllAsync(records);
        await records.AddImportJobAsync(clients[Principal.SupportUnit]);
        var tokens = new Dictionary<Principal, string>();
        foreach (var (principal, client) in clients)
        {
            tokens[principal] = await client.AntiforgeryTokenAsync();

            // The one read that writes: the two-factor set-up page makes the account's authenticator key the
            // first time it is opened (as ASP.NET Identity's own pages do). Opened here, before the fingerprint.
            using var setup = await client.GetAsync(new Uri("/account/two-factor/setup", UriKind.Relative));
        }

        var wrong = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var before = await AccessMatrix.FingerprintAsync(_factory.Database);

        // Reading: every principal, every address; nothing unpublished reaches anyone outside its scope.
        foreach (var (row, url, principal) in Cases(Table.Where(r => r.Method == "GET"), records, _ => true))
        {
            using var response = await clients[principal].GetAsync(new Uri(url, UriKind.Relative));
            Check(wrong, row, principal, "GET", url, response);
            var body = await response.Content.ReadAsStringAsync();
            seen.UnionWith(MarkerReaders.Keys.Where(m => body.Contains(m, StringComparison.Ordinal)));
            wrong.AddRange(MarkerReaders
                .Where(m => !m.Value.Contains(principal) && body.Contains(m.Key, StringComparison.Ordinal))
                .Select(m => $"GET {url} as {principal}: shows {m.Key}, which it may not see"));
        }

        // Changing, refused: with a valid token, by everyone the table keeps out.
        foreach (var (row, url, principal) in Cases(Table.Where(r => r.Method != "GET"), records, outcome => outcome != Ok))
        {
            using var response = await PostAsync(clients[principal], tokens[principal], url);
            Check(wrong, row, principal, "POST", url, response);
        }

        var after = await AccessMatrix.FingerprintAsync(_factory.Database);
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        // The markers do show where they belong, so their absence elsewhere means something.
        Assert.Equal(MarkerReaders.Keys.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        var changed = before.Where(t => after.GetValueOrDefault(t.Key) != t.Value).Select(t => $"{t.Key}: {t.Value} → {after.GetValueOrDefault(t.Key)}").ToList();
        Assert.True(changed.Count == 0, "Reading and the refused requests changed the database:\n" + string.Join('\n', changed));

        // Changing, allowed: the access checks let the request through (its own rules may still say no).
        // Removals and signing out go last, so the records stay for the rest.
        var allowed = Table.Where(r => r.Method != "GET")
            .OrderBy(r => r.Pattern.Contains("logout", StringComparison.Ordinal))
            .ThenBy(r => r.Pattern.Contains("delete", StringComparison.Ordinal) || r.Pattern.Contains("remove", StringComparison.Ordinal) || r.Pattern.Contains("deactivate", StringComparison.Ordinal));
        foreach (var (row, url, principal) in Cases(allowed, records, outcome => outcome == Ok))
        {
            using var response = await PostAsync(clients[principal], tokens[principal], url);
            Check(wrong, row, principal, "POST", url, response);
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    /// <summary>Each address of each line, with each principal whose expected outcome passes the filter.</summary>
    private static IEnumerable<(MatrixRow Row, string Url, Principal Principal)> Cases(IEnumerable<MatrixRow> rows, MatrixRecords records, Func<Outcome, bool> expected) =>
        from row in rows
        from url in row.Urls.Select(records.Fill)
        from principal in Enum.GetValues<Principal>()
        where expected(row.Expected[(int)principal])
        select (row, url, principal);

    private static void Check(List<string> wrong, MatrixRow row, Principal principal, string method, string url, HttpResponseMessage response)
    {
        var expected = row.Expected[(int)principal];
        var actual = AccessMatrix.Classify(response);
        if ((int)response.StatusCode >= 500)
        {
            wrong.Add($"{method} {url} as {principal}: {(int)response.StatusCode}");
        }
        else if (actual != expected)
        {
            wrong.Add($"{method} {url} as {principal}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string token, string url)
    {
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    private async Task<Dictionary<Principal, HttpClient>> SignInAllAsync(MatrixRecords records) => new()
    {
        [Principal.Anonymous] = _factory.CreateBrowserlikeClient(),
        [Principal.PocOfA] = await _factory.SignedInClientAsync(DemoAccounts.PocNorway),
        [Principal.PocOfB] = await _factory.SignedInClientAsync(DemoAccounts.PocKenya),
        [Principal.IrmAssigned] = await _factory.SignedInClientAsync(DemoAccounts.IrmResearcher),
        [Principal.IrmNotAssigned] = await _factory.SignedInClientAsync(records.NotAssignedResearcherEmail!),
        [Principal.SupportUnit] = await _factory.SignedInClientAsync(DemoAccounts.SupportUnit),
    };
}
