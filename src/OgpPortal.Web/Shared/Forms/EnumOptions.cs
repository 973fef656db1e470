using Microsoft.AspNetCore.Mvc.Rendering;
using OgpPortal.Domain.Common;

namespace OgpPortal.Web.Shared.Forms;

/// <summary>An enum's values as select options: the value's name is posted, its display name is shown.</summary>
public static class EnumOptions
{
    public static IReadOnlyList<SelectListItem> For<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(EnumDisplay.Name(v), v.ToString())).ToList();
}
