namespace OgpPortal.Web.Shared.Validation;

/// <summary>
/// Which of a page's errors one form's summary (<c>_ValidationSummary</c>) shows: those of the fields named with
/// <see cref="Prefix"/> (<c>Answer12.Response</c>), errors about that form as a whole (keyed by the prefix itself),
/// and, when <see cref="TakesUnkeyed"/>, the errors keyed to no field. One pattern for every form of every area.
/// </summary>
public sealed record FormErrorScope(string? Prefix, bool TakesUnkeyed)
{
    /// <summary>A page with one form: every error is its own.</summary>
    public static FormErrorScope WholePage { get; } = new(null, TakesUnkeyed: true);

    /// <summary>One of several forms on a page, its fields named with <paramref name="prefix"/>.</summary>
    public static FormErrorScope Of(string prefix, bool takesUnkeyed = false) => new(prefix, takesUnkeyed);

    public bool OwnsFormError(string key) =>
        key.Length == 0 ? TakesUnkeyed : Prefix is not null && key == Prefix;

    public bool OwnsField(string key) =>
        key.Length > 0 && (Prefix is null || key.StartsWith(Prefix + ".", StringComparison.Ordinal));
}
