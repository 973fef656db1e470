using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OgpPortal.Web.Shared.Localization;

/// <summary>
/// Reads posted form values in the invariant culture, whatever language the page is shown in: number and
/// date inputs post "12.5" and "2026-03-01", which a French or Spanish culture would misread or refuse.
/// </summary>
public sealed class InvariantFormValueProviderFactory : IValueProviderFactory
{
    public Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ActionContext.HttpContext.Request.HasFormContentType ? AddValueProviderAsync(context) : Task.CompletedTask;
    }

    private static async Task AddValueProviderAsync(ValueProviderFactoryContext context)
    {
        var request = context.ActionContext.HttpContext.Request;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.ActionContext.HttpContext.RequestAborted);
        }
        catch (InvalidDataException ex)
        {
            throw new ValueProviderException(ex.Message, ex);
        }
        catch (IOException ex)
        {
            throw new ValueProviderException(ex.Message, ex);
        }

        // A multipart form's fields are not checked by the form reader (url-encoded ones are refused): their NUL
        // characters are dropped, since PostgreSQL cannot store them (see NulCharacters).
        if (form.Any(field => field.Value.Any(Hosting.NulCharacters.In)))
        {
            form = new FormCollection(
                form.ToDictionary(f => f.Key, f => new Microsoft.Extensions.Primitives.StringValues([.. f.Value.Select(v => v?.Replace("\0", string.Empty, StringComparison.Ordinal))])),
                form.Files);
        }

        context.ValueProviders.Add(new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture));
    }
}
