using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using OgpPortal.Web.Shared.Forms;

namespace OgpPortal.Web.Areas.SupportUnit.DataImport;

/// <summary>
/// Answers an upload larger than the request limit with the form and its message at the file field instead
/// of the form being read (<see cref="OversizedBody"/>); only the Support Unit gets here (authorization runs first).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RefuseOversizedUploadAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before the request size limit and the antiforgery check (900 and 1000).</summary>
    public int Order => 800;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await OversizedBody.DrainIfOverAsync(context.HttpContext, UploadForm.MaxRequestBytes))
        {
            return;
        }

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
