using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OgpPortal.Web.Shared.Validation;

/// <summary>
/// Runs a form's FluentValidation validator and copies its failures into ModelState, so the form is
/// re-rendered with its messages (see docs/decisions/0003-validation.md).
/// </summary>
public static class ValidationExtensions
{
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T form, ModelStateDictionary modelState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(modelState);
        var result = await validator.ValidateAsync(form, cancellationToken);
        foreach (var failure in result.Errors)
        {
            modelState.AddModelError(failure.PropertyName, failure.ErrorMessage);
        }

        return modelState.IsValid;
    }
}
