using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace OgpPortal.Web.Shared.Localization;

/// <summary>
/// A member's name in the page's language. A national member is named by the country it is: the country's
/// name comes from the platform's CLDR data (ICU, through <see cref="RegionInfo"/>), "Norway" reads "Noruega"
/// and "Norvège". A local member (Buenos Aires, Nariño) keeps its own name, as does any name the CLDR data
/// does not know. English pages keep the registry's name, OGP's own ("Republic of Korea", not "South Korea").
/// Open data and exports always carry the registry's name.
/// </summary>
public static class MemberNames
{
    /// <summary>
    /// OGP's English names of members whose CLDR English name differs; the names in other languages still
    /// come from CLDR. Only what OGP writes differently belongs here, never a translation.
    /// </summary>
    private static readonly Dictionary<string, string> OgpEnglishNames = new(StringComparer.Ordinal)
    {
        ["Republic of Korea"] = "KR",
        ["Kyrgyz Republic"] = "KG",
        ["Slovak Republic"] = "SK",
        ["Czech Republic"] = "CZ",
        ["Cabo Verde"] = "CV",
        ["North Macedonia"] = "MK",
    };

    private static readonly Lazy<Dictionary<string, string>> RegionByEnglishName = new(Regions);

    private static readonly ConcurrentDictionary<(string Region, string Language), string?> Names = new();

    /// <summary>The member's name in the current request's language.</summary>
    public static string Of(string name) => Of(name, PortalCultures.Current);

    public static string Of(string name, string language)
    {
        if (string.IsNullOrEmpty(name) || language == PortalCultures.Default || !RegionByEnglishName.Value.TryGetValue(Key(name), out var region))
        {
            return name;
        }

        return Names.GetOrAdd((region, language), static k => DisplayName(k.Region, k.Language)) ?? name;
    }

    private static string? DisplayName(string region, string language)
    {
        try
        {
            return new RegionInfo($"{language}-{region}").DisplayName;
        }
        catch (ArgumentException)
        {
            // A platform without this language and region (predefined cultures only) keeps the registry's name.
            return null;
        }
    }

    /// <summary>Every country and territory the platform knows, by its English name.</summary>
    private static Dictionary<string, string> Regions()
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (region.TwoLetterISORegionName is [var first, _] && char.IsAsciiLetter(first))
            {
                regions.TryAdd(Key(region.EnglishName), region.TwoLetterISORegionName);
            }
        }

        foreach (var (name, region) in OgpEnglishNames)
        {
            regions[Key(name)] = region;
        }

        return regions;
    }

    /// <summary>Names compared without accents, case or the kind of apostrophe: "Cote d'Ivoire" is "Côte d’Ivoire".</summary>
    private static string Key(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Trim().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                text.Append(c is '’' or '‘' ? '\'' : char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }
}
