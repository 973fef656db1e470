using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;
using OgpPortal.Web.Shared.Hosting;

namespace OgpPortal.IntegrationTests;

public sealed class ProductionTests(ProductionPortalAppFactory factory) : IClassFixture<ProductionPortalAppFactory>
{
    [Fact]
    public async Task Production_CreatesNoDemoDataAndNoAccounts()
    {
        using var client = factory.CreateBrowserlikeClient();
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));

        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.WithDbAsync(db => db.Members.CountAsync())).ShouldBe(0);
        (await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("@ogp.test")))).ShouldBe(0);
        (await factory.WithDbAsync(db => db.Roles.Select(r => r.Name).ToListAsync())).ShouldBe(PortalRoles.All, ignoreOrder: true);
    }

    [Fact]
    public async Task Production_UnhandledError_ShowsTheFriendlyPageWithAReferenceAndNoDetail()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri(ProductionPortalAppFactory.FailingPath, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("secret detail");
        html.ShouldNotContain("InvalidOperationException");
        var page = await HtmlForms.ParseAsync(response);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Something went wrong");
        page.QuerySelector("main code")!.TextContent.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Production_WithoutAPublicUrl_RefusesToStartAndSaysWhy()
    {
        using var unconfigured = new UnconfiguredProductionPortalAppFactory();

        var error = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => unconfigured.CreateClient());

        error.Message.ShouldContain("Set Portal:PublicUrl");
    }

    [Fact]
    public async Task CreateAdmin_CreatesASupportUnitAccountThatCanSignIn()
    {
        using var output = new StringWriter();
        var email = $"admin-{Guid.NewGuid():N}@example.org";

        var exit = await Commands.CreateAdminAsync(factory.Services, ["create-admin", "--email", email, "--name", "First Admin"], TextReader.Null, output, "Strong-Admin-Passw0rd!");

        exit.ShouldBe(0, output.ToString());
        using var client = await factory.SignedInClientAsync(email, "Strong-Admin-Passw0rd!");
        using var area = await client.GetAsync(new Uri("/support-unit", UriKind.Relative));
        area.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreateAdmin_WithAWeakPassword_SaysWhyAndCreatesNothing()
    {
        using var output = new StringWriter();
        var email = $"admin-{Guid.NewGuid():N}@example.org";

        var exit = await Commands.CreateAdminAsync(factory.Services, ["create-admin", "--email", email], TextReader.Null, output, "short");

        exit.ShouldBe(1);
        output.ToString().ShouldContain("at least 12 characters");
        (await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email))).ShouldBe(0);
    }

    [Fact]
    public async Task CreateAdmin_WithoutEmail_PrintsUsage()
    {
        using var output = new StringWriter();

        var exit = await Commands.CreateAdminAsync(factory.Services, ["create-admin"], TextReader.Null, output, "Strong-Admin-Passw0rd!");

        exit.ShouldBe(2);
        output.ToString().ShouldContain("Usage: create-admin --email");
    }
}
