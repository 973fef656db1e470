using System.Text.RegularExpressions;
using System.Xml.Linq;
using OgpPortal.Domain.Common;

namespace OgpPortal.UnitTests;

/// <summary>
/// Every English text the interface shows through the localizer has a Spanish and a French translation
/// (docs/decisions/0009-languages.md): an untranslated string fails here, not in front of a visitor.
/// </summary>
public sealed partial class TranslationTests
{
    private static readonly DirectoryInfo Root = FindRoot();
    private static readonly DirectoryInfo Web = new(Path.Combine(Root.FullName, "src", "OgpPortal.Web"));

    public static TheoryData<string> Languages => new() { "es", "fr" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryLocalizedTextInViewsAndCode_IsTranslated(string language)
    {
        var translations = Translations(language);
        var keys = SourceFiles().SelectMany(file => LocalizedKeys(File.ReadAllText(file.FullName)).Select(key => (file, key))).ToList();

        keys.Count.ShouldBeGreaterThan(100, "the views are expected to use L[\"...\"]");
        var missing = keys.Where(k => !translations.ContainsKey(k.key))
            .Select(k => $"{Path.GetRelativePath(Root.FullName, k.file.FullName)}: {k.key}")
            .Distinct()
            .ToList();
        missing.ShouldBeEmpty($"add these to Resources/SharedResource.{language}.resx (scripts/add-translations.py)");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryDisplayNameOfFieldsAndEnumValues_IsTranslated(string language)
    {
        var translations = Translations(language);
        var displayNames = new[] { Web, new DirectoryInfo(Path.Combine(Root.FullName, "src", "OgpPortal.Domain")) }
            .SelectMany(dir => dir.EnumerateFiles("*.cs", SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(f))
            .SelectMany(f => DisplayName().Matches(File.ReadAllText(f.FullName)).Select(m => m.Groups[1].Value));
        var enumNames = typeof(EnumDisplay).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.IsPublic)
            .SelectMany(t => Enum.GetValues(t).Cast<Enum>())
            .Where(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0 || !v.GetType().IsDefined(typeof(FlagsAttribute), false))
            .Select(EnumDisplay.Name);

        var missing = displayNames.Concat(enumNames).Distinct().Where(name => !translations.ContainsKey(name)).Order().ToList();

        missing.ShouldBeEmpty($"add these to Resources/SharedResource.{language}.resx (scripts/add-translations.py)");
    }

    /// <summary>OGP's policy-area taxonomy is shown in the page's language (its English names stay the data's).</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryPolicyAreaOfTheTaxonomy_IsTranslated(string language)
    {
        var translations = Translations(language);

        var keys = translations.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = OgpPortal.Domain.Commitments.PolicyAreaCatalog.All.Select(a => a.Name).Where(name => !keys.Contains(name)).ToList();

        missing.ShouldBeEmpty($"add these to Resources/SharedResource.{language}.resx (scripts/add-translations.py)");
        translations[OgpPortal.Domain.Commitments.PolicyAreaCatalog.All[0].Name].ShouldNotBe(OgpPortal.Domain.Commitments.PolicyAreaCatalog.All[0].Name);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Translations_KeepTheirPlaceholdersAndAreNotEmpty(string language)
    {
        var broken = Translations(language)
            .Where(t => t.Value.Trim().Length == 0
                || !Placeholder().Matches(t.Key).Select(m => m.Value).Order().SequenceEqual(Placeholder().Matches(t.Value).Select(m => m.Value).Order()))
            .Select(t => t.Key)
            .ToList();

        broken.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void NoTwoKeysDifferOnlyInCase(string language)
    {
        // The resource compiler drops the second of two such keys, and the portal looks keys up without regard to case.
        var clashes = XDocument.Load(Path.Combine(Web.FullName, "Resources", $"SharedResource.{language}.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
            .GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();

        clashes.ShouldBeEmpty("reword the fragment (e.g. \"due on\" beside \"Due\")");
    }

    [Fact]
    public void SpanishAndFrench_TranslateTheSameTexts()
    {
        var spanish = Translations("es").Keys.ToHashSet();
        var french = Translations("fr").Keys.ToHashSet();

        spanish.Except(french).ShouldBeEmpty("missing in French");
        french.Except(spanish).ShouldBeEmpty("missing in Spanish");
    }

    [Fact]
    public void KeyFinder_ReadsPlainAndFormattedKeys()
    {
        LocalizedKeys("""<h1>@L["Members"]</h1> @L["Signed in as {0}", name] @L["Say \"hi\""] new("x", Localizable.Text("Region")) this.Success("{0} was saved.", id)""")
            .ShouldBe(["Members", "Signed in as {0}", "Say \"hi\"", "Region", "{0} was saved."]);
    }

    private static IEnumerable<string> LocalizedKeys(string source) =>
        LocalizerKey().Matches(source).Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal));

    private static IEnumerable<FileInfo> SourceFiles() =>
        Web.EnumerateFiles("*.*", SearchOption.AllDirectories)
            .Where(f => f.Extension is ".cshtml" or ".cs" && !IsBuildOutput(f));

    private static bool IsBuildOutput(FileInfo file) =>
        file.FullName.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || file.FullName.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static Dictionary<string, string> Translations(string language) =>
        XDocument.Load(Path.Combine(Web.FullName, "Resources", $"SharedResource.{language}.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.OrdinalIgnoreCase);

    private static DirectoryInfo FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OgpPortal.sln")))
        {
            dir = dir.Parent;
        }

        return dir ?? throw new InvalidOperationException("OgpPortal.sln not found above the test's folder.");
    }

    // L["text"] or localizer["text"], with or without format arguments, or Localizable.Text("text") in code.
    [GeneratedRegex("""\b(?:(?:L|localizer)\[|Localizable\.Text\(|this\.(?:Success|Error)\()\s*"((?:[^"\\]|\\.)*)"\s*[,\])]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex("""Display\(Name\s*=\s*"((?:[^"\\]|\\.)*)"\s*""")]
    private static partial Regex DisplayName();

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();
}
