using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using OgpPortal.Domain.Common;

namespace OgpPortal.Web.Shared.Forms;

/// <summary>An enum's values as select options: the value's name is posted, its display name is shown.</summary>
public static class EnumOptions
{
    /// <summary>The options with their English display names.</summary>
    public static IReadOnlyList<SelectListItem> For<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(EnumDisplay.Name(v), v.ToString())).ToList();

    /// <summary>The options with their display names in the request's language: <c>EnumOptions.For&lt;Region&gt;(L)</c>.</summary>
    public static IReadOnlyList<SelectListItem> For<T>(IStringLocalizer localizer)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return Enum.GetValues<T>().Select(v => new SelectListItem(localizer[EnumDisplay.Name(v)], v.ToString())).ToList();
    }
}
