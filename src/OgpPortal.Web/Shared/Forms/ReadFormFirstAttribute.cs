using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace OgpPortal.Web.Shared.Forms;

/// <summary>
/// Reads a posted form before model binding, so a body the server refuses (over the size limit, malformed)
/// answers 413 or 400 with the portal's page instead of reaching the action half-read. The antiforgery check
/// does this for every endpoint that takes a token; this attribute is for the two that take none (ADR 0015).
/// The form is read once either way: ASP.NET Core keeps it for the binding.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class ReadFormFirstAttribute : Attribute, IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (request.HasFormContentType)
        {
            try
            {
                await request.ReadFormAsync(context.HttpContext.RequestAborted);
            }
            catch (BadHttpRequestException e)
            {
                context.Result = new StatusCodeResult(e.StatusCode);
                return;
            }
            catch (InvalidDataException)
            {
                context.Result = new BadRequestResult();
                return;
            }
        }

        await next();
    }
}
