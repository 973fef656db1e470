using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OgpPortal.Web.Shared.OpenData;

/// <summary>One field of a public record: its name (as in the CSV header and the JSON), its type and what it means.</summary>
public sealed record DataField(string Name, string Type, string Description, PropertyInfo Property);

/// <summary>One downloadable data set: its file name, title and record type.</summary>
public sealed record Dataset(string Name, string Title, string Description, Type RecordType)
{
    public IReadOnlyList<DataField> Fields => OpenDataCatalog.FieldsOf(RecordType);
}

/// <summary>
/// The data dictionary, read from the public record classes (<c>PublicRecords.cs</c>) and their
/// <see cref="DescriptionAttribute"/>s; the CSV header, the JSON names and the documentation all come from here.
/// </summary>
public static class OpenDataCatalog
{
    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    public static readonly IReadOnlyList<Dataset> Datasets =
    [
        new("members", "Members", "Every OGP member in the registry, national and local.", typeof(MemberRecord)),
        new("action-plans", "Action plans", "Published and closed action plans.", typeof(ActionPlanRecord)),
        new("commitments", "Commitments", "The commitments of published and closed action plans.", typeof(CommitmentRecord)),
        new("milestones", "Milestones", "The milestones of those commitments.", typeof(MilestoneRecord)),
        new("irm-assessments", "IRM assessments", "The IRM's assessments of commitments, from published IRM reports only.", typeof(AssessmentRecord)),
        new("challenge-entries", "Open Gov Challenge entries", "Accepted entries of the Open Gov Challenge.", typeof(ChallengeEntryRecord)),
    ];

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<DataField>> Cache = new();

    public static Dataset? Find(string name) => Datasets.FirstOrDefault(d => d.Name == name);

    public static IReadOnlyList<DataField> FieldsOf(Type recordType) => Cache.GetOrAdd(recordType, type =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => new DataField(
                JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                TypeName(p),
                p.GetCustomAttribute<DescriptionAttribute>()?.Description ?? throw new InvalidOperationException($"{type.Name}.{p.Name} has no [Description]."),
                p))]);

    /// <summary>The record as one CSV row, in the dictionary's order: invariant culture, ISO dates, enum names, lists joined with "; ".</summary>
    public static string?[] CsvRow<T>(T record)
        where T : class => [.. FieldsOf(typeof(T)).Select(f => CsvValue(f.Property.GetValue(record)))];

    private static string? CsvValue(object? value) => value switch
    {
        null => null,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => e.ToString(),
        IEnumerable<string> list => string.Join("; ", list),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string TypeName(PropertyInfo property)
    {
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type);
        var optional = underlying is not null || new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable ? ", optional" : string.Empty;
        type = underlying ?? type;
        if (type.IsEnum)
        {
            var names = string.Join(", ", Enum.GetNames(type).Where(n => n != "None"));
            return (type.IsDefined(typeof(FlagsAttribute)) ? $"list of: {names} (comma-separated; empty for none)" : $"one of: {names}") + optional;
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Int32 => "integer",
            TypeCode.Boolean => "boolean (true/false)" + optional,
            TypeCode.DateTime => "date and time, UTC (ISO 8601)" + optional,
            TypeCode.String => "text" + optional,
            _ when type == typeof(DateOnly) => "date (YYYY-MM-DD)" + optional,
            _ when typeof(IEnumerable<string>).IsAssignableFrom(type) => "list of text (CSV: separated by \"; \")",
            _ => type.Name,
        };
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
