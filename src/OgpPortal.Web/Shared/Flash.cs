using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace OgpPortal.Web.Shared;

/// <summary>
/// One-off messages carried across a Post/Redirect/Get and shown at the top of the next page. A message is an
/// English sentence, with numbered places for its values (<c>this.Success("Commitment {0} was saved.", id)</c>):
/// the next page says it in its language (the layout looks the sentence up, then fills in the values), so a
/// message is never composed in English before it is translated.
/// </summary>
public static class Flash
{
    public const string SuccessKey = "flash.success";
    public const string ErrorKey = "flash.error";

    /// <summary>The values of the message under a key, as the request's culture writes them.</summary>
    public static string ArgumentsKey(string key) => key + ".args";

    public static void Success(this Controller controller, string message, params object?[] arguments) => Set(controller, SuccessKey, message, arguments);

    public static void Error(this Controller controller, string message, params object?[] arguments) => Set(controller, ErrorKey, message, arguments);

    /// <summary>The message under <paramref name="key"/> and its values, for the layout; null when there is none.</summary>
    public static (string Message, string[] Arguments)? Read(ITempDataDictionary tempData, string key)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        return tempData[key] is string message ? (message, tempData[ArgumentsKey(key)] as string[] ?? []) : null;
    }

    private static void Set(Controller controller, string key, string message, object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(arguments);
        controller.TempData[key] = message;
        if (arguments.Length > 0)
        {
            controller.TempData[ArgumentsKey(key)] = arguments
                .Select(a => a is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.CurrentCulture) : a?.ToString() ?? string.Empty)
                .ToArray();
        }
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
