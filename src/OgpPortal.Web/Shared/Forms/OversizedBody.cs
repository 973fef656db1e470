using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace OgpPortal.Web.Shared.Forms;

/// <summary>
/// A posted body larger than an action takes. Kestrel would stop it at the limit, the antiforgery check
/// could not read the form, and the person would get an error page or a broken connection instead of the
/// reason. So the body is read to its end and thrown away (a browser still sending a file shows a
/// connection error, not the answer, when the server stops reading), and the action is never reached:
/// nothing is kept or changed, so the answer needs no antiforgery token.
/// </summary>
public static class OversizedBody
{
    /// <summary>True when the request announces more than <paramref name="maxBytes"/>; its body has then been drained.</summary>
    public static async Task<bool> DrainIfOverAsync(HttpContext context, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentLength is not { } length || length <= maxBytes)
        {
            return false;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        return true;
    }
}

/// <summary>
/// Answers a post larger than <see cref="MaxBytes"/> by sending the person back to the form's page with
/// <see cref="Message"/> at its top, before the request limit and the antiforgery check run. Authorization
/// runs first, so only those who may post here get this far.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RefuseOversizedPostAttribute(long maxBytes, string message) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public long MaxBytes { get; } = maxBytes;

    public string Message { get; } = message;

    /// <summary>Before the request size limit and the antiforgery check (900 and 1000).</summary>
    public int Order => 800;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await OversizedBody.DrainIfOverAsync(context.HttpContext, MaxBytes))
        {
            return;
        }

        var tempData = context.HttpContext.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext);
        tempData[Flash.ErrorKey] = Message;

        // The filter that saves TempData after a result does not run when authorization answers.
        tempData.Save();
        context.Result = new RedirectResult(context.HttpContext.Request.Path);
    }
}
