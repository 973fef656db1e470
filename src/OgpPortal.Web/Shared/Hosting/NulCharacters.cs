namespace OgpPortal.Web.Shared.Hosting;

/// <summary>
/// The NUL character is never part of OGP's data, and PostgreSQL can neither store nor compare text holding one
/// (SQLite can): a request whose address holds one (<c>?q=%00</c>) is answered 400 before anything reads it, so it
/// reaches no query on any engine. A url-encoded form holding one is refused by ASP.NET Core's form reader, a multipart form's fields lose
/// theirs in <see cref="Localization.InvariantFormValueProviderFactory"/>, and an imported file holding one is refused.
/// </summary>
public static class NulCharacters
{
    public static bool In(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);

    public static IApplicationBuilder UseNulRefusal(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (In(request.Path.Value) || (request.QueryString.HasValue && request.Query.Any(q => q.Value.Any(In) || In(q.Key))))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return Task.CompletedTask;
            }

            return next(context);
        });
}
