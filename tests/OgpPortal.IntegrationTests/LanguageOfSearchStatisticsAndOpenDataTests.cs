using OgpPortal.IntegrationTests.Support;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests;

/// <summary>
/// Commitment search, statistics and open data in Spanish and French (ADR 0009): headings, labels, facet and table
/// labels made in code are translated; searching, the numbers and the downloaded files are not affected.
/// </summary>
public sealed class LanguageOfSearchStatisticsAndOpenDataTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("es", "Compromisos", "Palabras del título o del texto", "Región", "Europa", "Ordenar por", "Título", "compromisos encontrados")]
    [InlineData("fr", "Engagements", "Mots du titre ou du texte", "Région", "Europe", "Trier par", "Titre", "engagements trouvés")]
    public async Task CommitmentSearch_ShowsItsLabelsInTheLanguage(string language, string heading, string wordsLabel, string region, string europe, string sortBy, string title, string found)
    {
        using var client = Client(language);

        var page = await client.GetDocumentAsync("/commitments");

        page.DocumentElement.GetAttribute("lang").ShouldBe(language);
        page.QuerySelector("h1")!.TextContent.ShouldBe(heading);
        page.QuerySelector("label[for=q]")!.TextContent.ShouldBe(wordsLabel);
        page.QuerySelector("#facet-region legend")!.TextContent.ShouldBe(region);
        page.QuerySelector("label[for=facet-region-Europe]")!.TextContent.ShouldStartWith(europe + " (");
        page.QuerySelector("label[for=sort]")!.TextContent.ShouldBe(sortBy);
        page.QuerySelector("#sort option[value=Title]")!.TextContent.ShouldBe(title);
        page.QuerySelector("#result-count")!.TextContent.ShouldEndWith(found);
    }

    [Fact]
    public async Task CommitmentSearch_InSpanish_StillFindsDanishWords()
    {
        using var client = Client("es");

        var page = await client.GetDocumentAsync($"/commitments?q={Uri.EscapeDataString("børn")}");

        CommitmentSearchTests.Identifiers(page).ShouldBe(["DK0050"]);
        page.QuerySelector("#result-count")!.TextContent.ShouldBe("1 compromiso encontrado");
        page.QuerySelector("#q")!.GetAttribute("value").ShouldBe("børn");
    }

    [Theory]
    [InlineData("es", "Estadísticas", "Compromisos por región", "Región", "Europa", "Descargar «Compromisos por región» en CSV")]
    [InlineData("fr", "Statistiques", "Engagements par région", "Région", "Europe", "Télécharger « Engagements par région » au format CSV")]
    public async Task Statistics_ShowsTitlesHeadersAndRowsInTheLanguage_ButTheCsvStaysEnglish(string language, string heading, string title, string header, string europe, string download)
    {
        using var client = Client(language);

        var page = await client.GetDocumentAsync("/statistics");

        page.QuerySelector("h1")!.TextContent.ShouldBe(heading);
        page.QuerySelector("#regions-title")!.TextContent.ShouldBe(title);
        page.QuerySelector("#table-regions caption")!.TextContent.ShouldBe(title);
        page.QuerySelector("#table-regions thead th")!.TextContent.ShouldBe(header);
        StatisticsTests.Table(page, "regions").Keys.ShouldContain(europe);
        page.QuerySelector("a[href='/statistics/regions.csv']")!.TextContent.ShouldBe(download);

        var csv = await client.GetStringAsync(new Uri("/statistics/regions.csv", UriKind.Relative));
        csv.TrimStart('\uFEFF').ShouldStartWith("Region,Commitments");
        csv.ShouldContain("Europe,");
    }

    [Theory]
    [InlineData("es", "Datos abiertos", "Diccionario de datos", "Campo", "Compromisos (CSV)", "Las descripciones de los campos están en inglés.")]
    [InlineData("fr", "Données ouvertes", "Dictionnaire des données", "Champ", "Engagements (CSV)", "Les descriptions des champs sont en anglais.")]
    public async Task OpenData_ShowsThePageInTheLanguage_AndSaysFieldDescriptionsAreEnglish(string language, string heading, string dictionary, string field, string download, string descriptionsNote)
    {
        using var client = Client(language);

        var page = await client.GetDocumentAsync("/data");

        page.QuerySelector("h1")!.TextContent.ShouldBe(heading);
        page.QuerySelectorAll("h2").Select(h => h.TextContent).ShouldContain(dictionary);
        page.QuerySelector(".data-dictionary thead th")!.TextContent.ShouldBe(field);
        page.QuerySelectorAll("a[href='/data/commitments.csv']").Select(a => a.TextContent).ShouldContain(download);
        page.QuerySelector("main")!.TextContent.ShouldContain(descriptionsNote);
    }

    private HttpClient Client(string language)
    {
        var client = factory.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("Accept-Language", language);
        return client;
    }
}
