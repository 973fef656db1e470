using OgpPortal.Web.Shared.Text;

namespace OgpPortal.UnitTests;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>")]
    [InlineData("<svg onload=alert(1)>")]
    public void HostileInput_NeverBecomesActiveHtml(string markdown)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Render(markdown));
        var elements = document.Body!.QuerySelectorAll("*").ToList();

        string[] active = ["script", "img", "iframe", "svg", "object"];

        elements.Select(e => e.LocalName).ShouldNotContain(name => active.Contains(name));
        elements.SelectMany(e => e.Attributes).Select(a => a.Name).ShouldNotContain(name => name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        elements.Select(e => e.GetAttribute("href") ?? string.Empty).ShouldNotContain(href => href.Contains("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Markdown_IsRenderedAsHtml()
    {
        var html = Render("**Open** data\n\n- one\n- two\n\n[OGP](https://www.opengovpartnership.org)");

        html.ShouldContain("<strong>Open</strong>");
        html.ShouldContain("<li>two</li>");
        html.ShouldContain("<a href=\"https://www.opengovpartnership.org\" rel=\"nofollow noopener\">OGP</a>");
    }

    [Fact]
    public void TypedHtml_IsShownAsText() =>
        Render("Use <b>bold</b>").ShouldContain("&lt;b&gt;bold&lt;/b&gt;");

    [Fact]
    public void Nothing_RendersNothing() => Render(null).ShouldBeEmpty();

    private string Render(string? markdown)
    {
        using var writer = new StringWriter();
        _renderer.Render(markdown).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
