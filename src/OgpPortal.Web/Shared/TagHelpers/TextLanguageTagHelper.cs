using Microsoft.AspNetCore.Razor.TagHelpers;
using OgpPortal.Web.Shared.Localization;

namespace OgpPortal.Web.Shared.TagHelpers;

/// <summary>
/// Marks text people wrote in another language than the page: <c>&lt;div text-language="@plan.TextLanguage"&gt;</c>
/// renders <c>lang="nb"</c> on a Spanish or English page and nothing on a Norwegian one, or when the language
/// is not said. Put it on the element that holds only the written text, never around the page's own labels.
/// </summary>
[HtmlTargetElement(Attributes = AttributeName)]
public sealed class TextLanguageTagHelper : TagHelper
{
    private const string AttributeName = "text-language";

    [HtmlAttributeName(AttributeName)]
    public string? TextLanguage { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (TextLanguages.DiffersFromPage(TextLanguage))
        {
            output.Attributes.SetAttribute("lang", TextLanguage);
        }
    }
}
