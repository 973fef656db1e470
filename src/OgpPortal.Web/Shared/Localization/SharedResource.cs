namespace OgpPortal.Web;

/// <summary>
/// The one resource the whole interface is translated in. Keys are the English text, so English needs no
/// resource file; Spanish and French live in <c>Resources/SharedResource.es.resx</c> and <c>.fr.resx</c>
/// (docs/decisions/0009-languages.md).
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<SharedResource>; it must be instantiable as a type argument.
public sealed class SharedResource
#pragma warning restore CA1052
{
}
