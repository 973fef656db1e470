using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace OgpPortal.Web.Shared;

/// <summary>One-off messages carried across a Post/Redirect/Get and shown at the top of the next page.</summary>
public static class Flash
{
    public const string SuccessKey = "flash.success";
    public const string ErrorKey = "flash.error";

    public static void Success(this Controller controller, string message)
    {
        ArgumentNullException.ThrowIfNull(controller);
        controller.TempData[SuccessKey] = message;
    }

    public static void Error(this Controller controller, string message)
    {
        ArgumentNullException.ThrowIfNull(controller);
        controller.TempData[ErrorKey] = message;
    }
}

/// <summary>
/// The standard cookie-based TempData, except that a page without a pending message sets no cookie: the
/// standard provider answers every page that shows messages with an expired cookie, even to a visitor who
/// never had one, and a response that sets a cookie cannot come from the output cache (ADR 0015).
/// </summary>
internal sealed class QuietTempDataProvider(CookieTempDataProvider cookies) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (values is not { Count: > 0 } && !context.Request.Cookies.ContainsKey(CookieTempDataProvider.CookieName))
        {
            return;
        }

        cookies.SaveTempData(context, values!);
    }
}
