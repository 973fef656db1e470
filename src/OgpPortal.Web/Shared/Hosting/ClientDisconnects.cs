using Microsoft.AspNetCore.Diagnostics;

namespace OgpPortal.Web.Shared.Hosting;

/// <summary>
/// A request whose client went away (a closed tab, a timed-out proxy, a load generator stopping) cancels
/// its database queries, which throw <see cref="OperationCanceledException"/>. That is not a fault of the
/// portal: the request ends as 499 (client closed request) and is logged as such at Information, instead
/// of as a 500 with a stack trace at Error. Any other exception, and a cancellation while the client is
/// still there, goes on to the error handling as before.
/// </summary>
public static class ClientDisconnects
{
    public static IApplicationBuilder UseClientDisconnects(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;

                    // Nobody is there to read an error page.
                    var statusCodePages = context.Features.Get<IStatusCodePagesFeature>();
                    if (statusCodePages is not null)
                    {
                        statusCodePages.Enabled = false;
                    }
                }
            }
        });
}
