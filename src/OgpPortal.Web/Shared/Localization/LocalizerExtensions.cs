using Microsoft.Extensions.Localization;
using OgpPortal.Domain.Common;

namespace OgpPortal.Web.Shared.Localization;

public static class LocalizerExtensions
{
    /// <summary>An enum value's display name in the request's language: <c>@L.Name(plan.Status)</c>.</summary>
    public static string Name(this IStringLocalizer localizer, Enum value)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[EnumDisplay.Name(value)];
    }

    /// <summary>An enum value whose display name is a sentence with numbered places, said with its arguments.</summary>
    public static string Name(this IStringLocalizer localizer, Enum value, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[EnumDisplay.Name(value), arguments];
    }

    /// <summary>The display names of the flags set in a [Flags] value, translated.</summary>
    public static IReadOnlyList<string> Flags<T>(this IStringLocalizer localizer, T value)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return EnumDisplay.Flags(value).Select(name => localizer[name].Value).ToList();
    }

    /// <summary>
    /// A message made elsewhere in English (a flash message, a validation or domain message): its translation
    /// when the resource has one, else the English text as it is.
    /// </summary>
    public static string Text(this IStringLocalizer localizer, string? message)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (string.IsNullOrEmpty(message))
        {
            return string.Empty;
        }

        var text = localizer[message];
        if (!text.ResourceNotFound || PortalCultures.Current == PortalCultures.Default || message.Length < 2)
        {
            return text.Value;
        }

        // Resource names ignore case, so a text written in title case (the policy area "Open Data") shares
        // the translation of the same words in sentence case ("Open data").
        var sentence = localizer[string.Concat(message[..1], message[1..].ToLowerInvariant())];
        return sentence.ResourceNotFound ? message : sentence.Value;
    }

    /// <summary>
    /// A sentence with numbered places in the request's language, its values filled in; each value that is
    /// itself one of the portal's words (a status: "Draft") is said in that language too.
    /// </summary>
    public static string Text(this IStringLocalizer localizer, string message, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments.Count == 0 ? localizer.Text(message) : localizer[message, [.. arguments.Select(a => (object)localizer.Text(a))]].Value;
    }
}
