using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace OgpPortal.Web.Shared.TagHelpers;

/// <summary>
/// One form field the accessible way: a label, the input, an optional hint and the error message, tied
/// together with <c>aria-describedby</c> and <c>aria-invalid</c>. <c>&lt;form-field asp-for="Email" type="email" /&gt;</c>
/// </summary>
[HtmlTargetElement("form-field", Attributes = ForAttribute, TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(IHtmlGenerator generator, IStringLocalizer<SharedResource> localizer) : TagHelper
{
    private const string ForAttribute = "asp-for";

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression For { get; set; } = null!;

    /// <summary>The input type: text (default), email, password, date, url, number, tel, checkbox, file, textarea or select.</summary>
    public string Type { get; set; } = "text";

    /// <summary>The options of a select; the first, empty option reads "Choose…" unless the field has a value list of its own.</summary>
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>The empty first option of a select; none when null.</summary>
    public string? Placeholder { get; set; } = "Choose…";

    public string? Autocomplete { get; set; }

    /// <summary>The file types a file input offers, e.g. <c>.csv,text/csv</c>.</summary>
    public string? Accept { get; set; }

    /// <summary>A short help text shown under the label.</summary>
    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        // The generator adds the field prefix of a partial (one form of several on a page: Answer12.Outcome) to the
        // expression itself; its state, its id and the file input are read by the full name.
        var name = For.Name;
        var fullName = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(name);
        var id = TagBuilder.CreateSanitizedId(fullName, "_");
        var hasError = ViewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) && entry.Errors.Count > 0;
        var hintId = $"{id}-hint";
        var errorId = $"{id}-error";
        var describedBy = string.Join(' ', new[] { Hint is null ? null : hintId, hasError ? errorId : null }.Where(s => s is not null));
        var isCheckbox = Type == "checkbox";
        if (isCheckbox && entry is not null && !IsBoolean(entry.RawValue))
        {
            // The generator reads a posted value back as a boolean and throws on anything else ("maybe"): the
            // box shows the model's value instead, and the binding message says what was wrong.
            entry.RawValue = null;
        }

        // Labels, hints and messages are written in English and shown in the request's language (ADR 0009).
        var labelText = localizer[For.Metadata.GetDisplayName()].Value;
        var hintText = Hint is null ? null : localizer[Hint].Value;
        var placeholder = Placeholder is null ? null : localizer[Placeholder].Value;
        var errorText = hasError ? localizer[entry!.Errors[0].ErrorMessage].Value : null;

        var attributes = new Dictionary<string, object?>
        {
            ["class"] = (isCheckbox ? "form-check-input" : "form-control") + (hasError ? " is-invalid" : string.Empty),
        };
        if (describedBy.Length > 0)
        {
            attributes["aria-describedby"] = describedBy;
        }

        if (hasError)
        {
            attributes["aria-invalid"] = "true";
        }

        if (Autocomplete is not null)
        {
            attributes["autocomplete"] = Autocomplete;
        }

        var input = Type switch
        {
            "checkbox" => generator.GenerateCheckBox(ViewContext, For.ModelExplorer, name, isChecked: null, attributes),
            "password" => generator.GeneratePassword(ViewContext, For.ModelExplorer, name, value: null, attributes),
            "textarea" => generator.GenerateTextArea(ViewContext, For.ModelExplorer, name, rows: 5, columns: 0, attributes),
            "select" => generator.GenerateSelect(ViewContext, For.ModelExplorer, placeholder, name, Items ?? [], allowMultiple: false, WithClass(attributes, "form-select")),
            "file" => FileInput(id, fullName, attributes),
            "date" => generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, format: "{0:yyyy-MM-dd}", WithType(attributes, Type)),
            _ => generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, format: null, WithType(attributes, Type)),
        };
        var label = generator.GenerateLabel(ViewContext, For.ModelExplorer, name, labelText, new { @class = isCheckbox ? "form-check-label" : "form-label" });
        var error = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, name, errorText, tag: "div", new { @class = "invalid-feedback", id = errorId });

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", isCheckbox ? "form-check mb-3" : "mb-3");
        if (isCheckbox)
        {
            output.Content.AppendHtml(input).AppendHtml(label);
            output.Content.AppendHtml(generator.GenerateHiddenForCheckbox(ViewContext, For.ModelExplorer, name));
        }
        else
        {
            output.Content.AppendHtml(label);
            if (Hint is not null)
            {
                var hint = new TagBuilder("div");
                hint.Attributes["id"] = hintId;
                hint.AddCssClass("form-text mt-0 mb-1");
                hint.InnerHtml.Append(hintText!);
                output.Content.AppendHtml(hint);
            }

            output.Content.AppendHtml(input);
        }

        output.Content.AppendHtml(error);
    }

    /// <summary>A file input never carries a value back, so it is built here rather than by the generator.</summary>
    private TagBuilder FileInput(string id, string name, Dictionary<string, object?> attributes)
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.MergeAttributes(attributes);
        input.MergeAttribute("type", "file");
        input.MergeAttribute("id", id);
        input.MergeAttribute("name", name);
        if (Accept is not null)
        {
            input.MergeAttribute("accept", Accept);
        }

        return input;
    }

    private static bool IsBoolean(object? rawValue) => rawValue switch
    {
        null => true,
        string text => bool.TryParse(text, out _),
        string[] texts => texts.Length == 0 || bool.TryParse(texts[0], out _),
        _ => true,
    };

    private static Dictionary<string, object?> WithClass(Dictionary<string, object?> attributes, string cssClass) =>
        new(attributes) { ["class"] = ((string)attributes["class"]!).Replace("form-control", cssClass, StringComparison.Ordinal) };

    private static Dictionary<string, object?> WithType(Dictionary<string, object?> attributes, string type) =>
        new(attributes) { ["type"] = type };
}
