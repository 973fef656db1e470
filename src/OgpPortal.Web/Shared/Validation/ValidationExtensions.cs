using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OgpPortal.Web.Shared.Validation;

/// <summary>
/// Runs a form's FluentValidation validator and copies its failures into ModelState, so the form is
/// re-rendered with its messages (see docs/decisions/0003-validation.md).
/// </summary>
public static class ValidationExtensions
{
    public static Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T form, ModelStateDictionary modelState, CancellationToken cancellationToken = default) =>
        validator.ValidateIntoAsync(form, modelState, prefix: null, cancellationToken);

    /// <param name="prefix">The form's field-name prefix when it is one of several forms on a page (e.g. <c>StatusForm</c>).</param>
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T form, ModelStateDictionary modelState, string? prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(modelState);
        var result = await validator.ValidateAsync(form, cancellationToken);
        foreach (var failure in result.Errors)
        {
            modelState.AddModelError(prefix is null ? failure.PropertyName : $"{prefix}.{failure.PropertyName}", failure.ErrorMessage);
        }

        return modelState.IsValid;
    }
}
