using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace OgpPortal.Web.Areas.SupportUnit.DataImport;

/// <summary>
/// Answers an upload larger than the request limit with the form and its message instead of the form being
/// read. Otherwise Kestrel stops the body at the limit, the antiforgery check cannot read the form, and the
/// person gets an error page instead of the reason. The body is read to its end and thrown away, because a
/// browser still sending a file shows a connection error, not the answer, when the server stops reading.
/// Nothing is kept or changed, so this answer needs no antiforgery token; only the Support Unit gets here
/// (authorization runs first).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RefuseOversizedUploadAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before the request size limit and the antiforgery check (900 and 1000).</summary>
    public int Order => 800;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        if (request.ContentLength is not > UploadForm.MaxRequestBytes)
        {
            return;
        }

        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        await request.Body.CopyToAsync(Stream.Null, context.HttpContext.RequestAborted);
        var services = context.HttpContext.RequestServices;
        context.ModelState.AddModelError($"{nameof(DataImportPage.Form)}.{nameof(UploadForm.CsvFile)}", UploadFormValidator.TooLarge);
        context.Result = new ViewResult
        {
            ViewName = "Index",
            ViewData = new ViewDataDictionary<DataImportPage>(services.GetRequiredService<IModelMetadataProvider>(), context.ModelState)
            {
                Model = new DataImportPage(new UploadForm(), await services.GetRequiredService<ImportJobs>().RecentAsync(context.HttpContext.RequestAborted)),
            },
        };
    }
}
