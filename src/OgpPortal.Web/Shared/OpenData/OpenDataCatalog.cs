using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Web.Shared.Localization;

namespace OgpPortal.Web.Shared.OpenData;

/// <summary>One field of a public record: its name (as in the CSV header and the JSON), its type and what it means.</summary>
public sealed record DataField(string Name, DataType Type, string Description, PropertyInfo Property);

/// <summary>
/// A field's type: an English pattern (<see cref="Kind"/>, with <c>{0}</c> for an enum's names, <see cref="Choices"/>)
/// and whether it may be empty. <see cref="ToString"/> gives the English; the page translates <see cref="Kind"/>.
/// </summary>
public sealed record DataType(string Kind, string? Choices = null, bool Optional = false)
{
    public override string ToString()
    {
        var text = string.Format(CultureInfo.InvariantCulture, Kind, Choices);
        return Optional ? text + ", optional" : text;
    }
}

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
        new("members", Localizable.Text("Members"), Localizable.Text("Every OGP member in the registry, national and local."), typeof(MemberRecord)),
        new("action-plans", Localizable.Text("Action plans"), Localizable.Text("Published and closed action plans."), typeof(ActionPlanRecord)),
        new("commitments", Localizable.Text("Commitments"), Localizable.Text("The commitments of published and closed action plans."), typeof(CommitmentRecord)),
        new("milestones", Localizable.Text("Milestones"), Localizable.Text("The milestones of those commitments."), typeof(MilestoneRecord)),
        new("irm-assessments", Localizable.Text("IRM assessments"), Localizable.Text("The IRM's assessments of commitments, from published IRM reports only."), typeof(AssessmentRecord)),
        new("challenge-entries", Localizable.Text("Open Gov Challenge entries"), Localizable.Text("Accepted entries of the Open Gov Challenge."), typeof(ChallengeEntryRecord)),
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

    /// <summary>Public records as a CSV file in the open data's columns (the data dictionary's), streamed as read.</summary>
    public static Csv.CsvFileResult CsvFile<T>(string fileName, IQueryable<T> records)
        where T : class => CsvFile(fileName, records.AsAsyncEnumerable());

    /// <summary>Public records as a CSV file in the open data's columns, streamed as they come.</summary>
    public static Csv.CsvFileResult CsvFile<T>(string fileName, IAsyncEnumerable<T> records)
        where T : class => new(
            fileName,
            [.. FieldsOf(typeof(T)).Select(f => f.Name)],
            records.Select(CsvRow));

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

    private static DataType TypeName(PropertyInfo property)
    {
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type);
        var optional = underlying is not null || new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable;
        type = underlying ?? type;
        if (type.IsEnum)
        {
            var names = string.Join(", ", Enum.GetNames(type).Where(n => n != "None"));
            return new(type.IsDefined(typeof(FlagsAttribute)) ? Localizable.Text("list of: {0} (comma-separated; empty for none)") : Localizable.Text("one of: {0}"), names, optional);
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Int32 => new(Localizable.Text("integer")),
            TypeCode.Boolean => new(Localizable.Text("boolean (true/false)"), Optional: optional),
            TypeCode.DateTime => new(Localizable.Text("date and time, UTC (ISO 8601)"), Optional: optional),
            TypeCode.String => new(Localizable.Text("text"), Optional: optional),
            _ when type == typeof(DateOnly) => new(Localizable.Text("date (YYYY-MM-DD)"), Optional: optional),
            _ when typeof(IEnumerable<string>).IsAssignableFrom(type) => new(Localizable.Text("list of text (CSV: separated by \"; \")")),
            _ => new(type.Name),
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
