using System.Net;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Infrastructure.Seeding;
using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// The portal writes to people who work on it in the language they use it in: a point of contact who reads
/// the portal in Spanish is told of the Support Unit's decision in Spanish, whatever the Support Unit's language.
/// </summary>
public sealed class MailLanguageTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task APointOfContactWhoUsesThePortalInSpanish_IsWrittenToInSpanish()
    {
        var kenya = await factory.WithDbAsync(db => db.Members.Where(m => m.Code == "KE").Select(m => m.Id).SingleAsync());
        using var poc = await factory.SignedInClientAsync(DemoAccounts.PocKenya);
        poc.DefaultRequestHeaders.Add("Accept-Language", "es");
        using var staff = await factory.SignedInClientAsync(DemoAccounts.SupportUnit);

        using var created = await poc.SubmitFormAsync($"/poc/members/{kenya}/challenge/new", new Dictionary<string, string>
        {
            ["Title"] = "Registro abierto de ONG",
            ["Description"] = "Publica cada organización registrada.",
            ["Area"] = "CivicSpace",
            ["Participation"] = "StandaloneCommitment",
            ["Level"] = "National",
            ["LeadInstitution"] = "NGO Coordination Board",
            ["CivicParticipation"] = "true",
            ["Milestones[0].Title"] = "Registro en línea",
            ["Milestones[0].DueDate"] = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await factory.WithDbAsync(db => db.ChallengeEntries.Where(e => e.Title == "Registro abierto de ONG").Select(e => e.Id).SingleAsync());
        using var submitted = await poc.SubmitFormAsync($"/poc/challenge/{id}", new Dictionary<string, string>(), "form[action$='/submit']");
        using var accepted = await staff.SubmitFormAsync($"/support-unit/challenge/{id}", new Dictionary<string, string>(), "form[action$='/accept']");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.PocKenya).Select(u => u.Language).SingleAsync())).ShouldBe("es");
        (await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.SupportUnit).Select(u => u.Language).SingleAsync())).ShouldBe("en");
        var mail = (await factory.MailsToAsync(DemoAccounts.PocKenya)).Single(m => (m.Subject ?? string.Empty).Contains("Registro abierto de ONG", StringComparison.Ordinal));
        mail.Subject.ShouldBe("Entrada del Desafío de Gobierno Abierto aceptada: Registro abierto de ONG");
        (mail.TextBody ?? string.Empty).ShouldContain("La Unidad de Apoyo la aceptó");
        (mail.TextBody ?? string.Empty).ShouldContain("Entrada de Kenia al Desafío de Gobierno Abierto");
    }

    [Fact]
    public async Task APasswordReset_AskedFromAFrenchPage_ForAnAccountWhoseLanguageIsNotKnown_IsInFrench()
    {
        using var visitor = factory.CreateBrowserlikeClient();
        visitor.DefaultRequestHeaders.Add("Accept-Language", "fr");

        using var asked = await visitor.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = DemoAccounts.PocNorway });

        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mail = (await factory.MailsToAsync(DemoAccounts.PocNorway)).Last();
        mail.Subject.ShouldBe("Réinitialisez votre mot de passe du portail de l’OGP");
        (mail.TextBody ?? string.Empty).ShouldContain("/account/reset-password?code=");
    }
}
