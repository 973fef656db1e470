using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Web.Shared.Hosting;

/// <summary>
/// Marks the public's reads that tolerate a second of lag — the commitment search, the API, the open data, the
/// feeds and the statistics — which may read the PostgreSQL hot standby when one is configured (docs/deployment.md).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class StandbyReadsAttribute : Attribute;

public static class StandbyReads
{
    /// <summary>
    /// The rule, in one place: an anonymous GET or HEAD of an endpoint marked <see cref="StandbyReadsAttribute"/>
    /// reads the standby (while it is current); everything else — a signed-in visitor, a form, any other page —
    /// reads the primary, so whoever writes reads their own write. After authorization, before the controller (and
    /// its context) is made.
    /// </summary>
    public static IApplicationBuilder UseStandbyReads(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && context.User.Identity?.IsAuthenticated != true
            && context.GetEndpoint()?.Metadata.GetMetadata<StandbyReadsAttribute>() is not null)
        {
            context.RequestServices.GetRequiredService<ReadRouting>().PreferStandby();
        }

        await next(context);
    });
}
