using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>People and accounts: invitations, roles, deactivation, member links and researcher assignments.</summary>
public sealed partial class PeopleTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task InvitedPointOfContact_SetsAPasswordThroughTheLink_AndSeesOnlyTheirMember()
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        const string email = "ministry.contact@example.no";

        using var invited = await staff.SubmitFormAsync("/support-unit/people/invite", new Dictionary<string, string>
        {
            ["DisplayName"] = "Ingrid Berg",
            ["Email"] = email,
            ["Role"] = "PointOfContact",
            ["MemberCode"] = "NO",
            ["Institution"] = "Ministry of Justice",
            ["Phone"] = "+47 22 24 55 00",
        });
        invited.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mail = (await factory.MailsToAsync(email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Your invitation to the OGP Portal");
        var link = new Uri(InvitationLink().Match(mail.TextBody!).Value);
        using var person = factory.CreateBrowserlikeClient();
        using var accepted = await person.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string> { ["Password"] = "Fjord-Ministry-2026!", ["ConfirmPassword"] = "Fjord-Ministry-2026!" });
        accepted.Headers.Location!.OriginalString.ShouldBe("/account/login");

        using var signedIn = await factory.SignedInClientAsync(email, "Fjord-Ministry-2026!");
        var dashboard = await (await signedIn.GetAsync(new Uri("/poc", UriKind.Relative))).MainTextAsync();
        dashboard.ShouldContain("Norway");
        dashboard.ShouldNotContain("Kenya");
        var kenyaPlan = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "KE").Select(p => p.Id).FirstAsync());
        using var other = await signedIn.GetAsync(new Uri($"/poc/plans/{kenyaPlan}", UriKind.Relative));
        other.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var link2 = await factory.WithDbAsync(db => db.MemberPointsOfContact.Where(l => l.Member.Code == "NO" && l.Institution == "Ministry of Justice").Select(l => l.Phone).SingleAsync());
        link2.ShouldBe("+47 22 24 55 00");

        using var reused = await person.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string> { ["Password"] = "Another-Password-2026!", ["ConfirmPassword"] = "Another-Password-2026!" });
        (await reused.MainTextAsync()).ShouldContain("This invitation link is not valid, has expired or has already been used.");
        (await factory.CheckPasswordAsync(email, "Fjord-Ministry-2026!")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Email", "not-an-address", "Email", "Enter an e-mail address like name@example.org.")]
    [InlineData("Email", DemoAccounts.PocKenya, "Email", "poc.kenya@ogp.test already has an account.")]
    [InlineData("Role", "", "Role", "Choose the person's role.")]
    [InlineData("MemberCode", "", "MemberCode", "Choose the member this point of contact acts for.")]
    [InlineData("MemberCode", "ZZ", "MemberCode", "Choose one of the members listed.")]
    [InlineData("Phone", "call me", "Phone", "Enter a phone number with digits, such as +47 22 24 90 90.")]
    public async Task Invite_WithBadInput_ShowsTheFieldMessageAndCreatesNothing(string field, string value, string errorField, string message)
    {
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());
        var fields = new Dictionary<string, string> { ["DisplayName"] = "Someone", ["Email"] = "someone@example.org", ["Role"] = "PointOfContact", ["MemberCode"] = "KE" };
        fields[field] = value;

        using var response = await staff.SubmitFormAsync("/support-unit/people/invite", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector($"#{errorField}-error")!.TextContent.Trim().ShouldBe(message);
        (await factory.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task ChangedRole_CountsAtTheNextRequest_WithoutSigningInAgain()
    {
        var researcher = await factory.CreateUserAsync(PortalRoles.IrmResearcher);
        using var client = await factory.SignedInClientAsync(researcher.Email!);
        (await client.GetAsync(new Uri("/irm", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        using var changed = await staff.SubmitFormAsync($"/support-unit/people/{researcher.Id}", new Dictionary<string, string> { ["RoleForm.Role"] = "PointOfContact" }, "form[action$='/role']");

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync(new Uri("/irm", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync(new Uri("/poc", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var trace = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectType == AuditSubjects.Account && a.SubjectKey == researcher.Email && a.EntityType == "Role").Select(a => a.Changes).SingleAsync());
        trace.ShouldContain("IrmResearcher");
        trace.ShouldContain("PointOfContact");
    }

    [Fact]
    public async Task DeactivatedAccount_IsSignedOutAtItsNextRequest_AndCannotSignIn_UntilReactivated()
    {
        var poc = await factory.CreatePointOfContactAsync("KE");
        using var client = await factory.SignedInClientAsync(poc.Email!);
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        using var deactivated = await staff.SubmitFormAsync($"/support-unit/people/{poc.Id}", new Dictionary<string, string>(), "form[action$='/deactivate']");

        using var next = await client.GetAsync(new Uri("/poc", UriKind.Relative));
        next.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        next.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/account/login");
        using var again = factory.CreateBrowserlikeClient();
        using var refused = await again.PostLoginAsync(poc.Email!, PortalAppFactory.DemoPassword);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var reactivated = await staff.SubmitFormAsync($"/support-unit/people/{poc.Id}", new Dictionary<string, string>(), "form[action$='/reactivate']");
        using var allowed = await again.PostLoginAsync(poc.Email!, PortalAppFactory.DemoPassword);
        allowed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task StaffCannotDeactivateThemselves()
    {
        var colleague = await factory.CreateUserAsync(PortalRoles.SupportUnit);
        using var staff = await factory.SignedInClientAsync(colleague.Email!);

        using var refused = await staff.SubmitFormAsync($"/support-unit/people/{colleague.Id}", new Dictionary<string, string>(), "form[action$='/deactivate']");

        (await staff.GetDocumentAsync($"/support-unit/people/{colleague.Id}")).QuerySelector(".alert-danger")!.TextContent.ShouldBe("You cannot deactivate your own account.");
        (await factory.WithDbAsync(db => db.Users.Where(u => u.Id == colleague.Id).Select(u => u.DeactivatedAt).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task LinkAndUnlinkMember_GrantAndWithdrawAccessAtTheNextRequest()
    {
        var poc = await factory.CreatePointOfContactAsync("KE");
        using var client = await factory.SignedInClientAsync(poc.Email!);
        var norwayPlan = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Member.Code == "NO" && p.Number == 5).Select(p => p.Id).SingleAsync());
        var norway = await factory.WithDbAsync(db => db.Members.Where(m => m.Code == "NO").Select(m => m.Id).SingleAsync());
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);
        (await client.GetAsync(new Uri($"/poc/plans/{norwayPlan}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var linked = await staff.SubmitFormAsync($"/support-unit/people/{poc.Id}", new Dictionary<string, string> { ["LinkForm.MemberCode"] = "NO", ["LinkForm.Institution"] = "Ministry of Climate" }, "form[action$='/members']");
        (await client.GetAsync(new Uri($"/poc/plans/{norwayPlan}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var duplicate = await staff.SubmitFormAsync($"/support-unit/people/{poc.Id}", new Dictionary<string, string> { ["LinkForm.MemberCode"] = "NO" }, "form[action$='/members']");
        (await HtmlForms.ParseAsync(duplicate)).QuerySelector("#LinkForm_MemberCode-error")!.TextContent.ShouldBe("Test User is already a point of contact for Norway.");

        using var unlinked = await staff.SubmitFormAsync($"/support-unit/people/{poc.Id}", new Dictionary<string, string>(), $"form[action$='/members/{norway}/remove']");
        (await client.GetAsync(new Uri($"/poc/plans/{norwayPlan}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var history = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectKey == poc.Email && a.EntityType == "PointOfContact" && a.MemberCode == "NO").Select(a => a.Action).ToListAsync());
        history.ShouldBe([AuditAction.Created, AuditAction.Deleted], ignoreOrder: true);
    }

    [Fact]
    public async Task AssignResearcher_ToAPlan_ShowsItInTheirArea()
    {
        var researcher = await factory.CreateUserAsync(PortalRoles.IrmResearcher);
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        using var missing = await staff.SubmitFormAsync($"/support-unit/people/{researcher.Id}", new Dictionary<string, string> { ["AssignForm.MemberCode"] = "KE", ["AssignForm.PlanNumber"] = "42" }, "form[action$='/plans']");
        using var assigned = await staff.SubmitFormAsync($"/support-unit/people/{researcher.Id}", new Dictionary<string, string> { ["AssignForm.MemberCode"] = "KE", ["AssignForm.PlanNumber"] = "5" }, "form[action$='/plans']");

        (await HtmlForms.ParseAsync(missing)).QuerySelector("#AssignForm_PlanNumber-error")!.TextContent.ShouldBe("KE has no action plan 42.");
        assigned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var client = await factory.SignedInClientAsync(researcher.Email!);
        (await (await client.GetAsync(new Uri("/irm", UriKind.Relative))).MainTextAsync()).ShouldContain("Kenya's fifth national action plan");
    }

    [Theory]
    [InlineData(DemoAccounts.PocNorway)]
    [InlineData(DemoAccounts.IrmResearcher)]
    public async Task PeopleScreens_AreForTheSupportUnitOnly(string email)
    {
        using var client = await factory.SignedInClientAsync(email);
        var target = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.PocKenya).Select(u => u.Id).SingleAsync());

        using var list = await client.GetAsync(new Uri("/support-unit/people", UriKind.Relative));
        using var invite = await client.GetAsync(new Uri("/support-unit/people/invite", UriKind.Relative));
        using var post = await client.PostWithTokenAsync($"/support-unit/people/{target}/deactivate");

        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        invite.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.Users.Where(u => u.Id == target).Select(u => u.DeactivatedAt).SingleAsync())).ShouldBeNull();
    }

    [GeneratedRegex(@"http://localhost:5000/account/invitation\?\S+")]
    private static partial Regex InvitationLink();
}
