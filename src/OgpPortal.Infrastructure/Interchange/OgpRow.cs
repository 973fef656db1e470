using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using static OgpPortal.Infrastructure.Interchange.OgpCells;

namespace OgpPortal.Infrastructure.Interchange;

/// <summary>The member a row names: its code in the identifiers (current layout), or only a name (IRM explorer).</summary>
public sealed record MemberCells(string Name, string? Country, string? Code, string? DataCode, MemberKind? Kind, Region? Region);

/// <summary>The plan a row names. The IRM explorer layout gives no id, end year or duration.</summary>
public sealed record PlanCells(string? OgpId, int Number, int SubmissionYear, int? EndYear, int? Duration);

/// <summary>
/// One data row of a file, read and checked: what it says of the member, plan, commitment, policy areas and
/// IRM values, or why it cannot be taken in, and what was read differently from how it is written.
/// </summary>
public sealed class OgpRow
{
    public required int Line { get; init; }

    /// <summary>The commitment's identifier (current layout); null in the IRM explorer layout.</summary>
    public string? Identifier { get; init; }

    public MemberCells? Member { get; set; }

    public PlanCells? Plan { get; set; }

    public RecordedCommitment? Commitment { get; set; }

    /// <summary>The policy areas flagged; null when the file has no policy-area columns.</summary>
    public IReadOnlyList<PolicyArea>? PolicyAreas { get; set; }

    /// <summary>The IRM values; null when the file has no IRM columns.</summary>
    public RecordedIrmValues? Irm { get; set; }

    public (string? Column, string Reason)? Rejection { get; set; }

    public List<(string Column, string Reason)> Notes { get; } = [];

    /// <summary>How the row names itself in the report: its identifier, or member, plan and number.</summary>
    public string? Label => Identifier ?? (Member is null || Plan is null ? null : $"{Member.Name} {Plan.Number}/{Commitment?.NumberInPlan}");

    public void Reject(string? column, string reason) => Rejection ??= (column, reason);
}

/// <summary>Reads the rows of one file, once its layout and header are known.</summary>
public sealed class OgpRowReader
{
    private static readonly IReadOnlyDictionary<string, EarlyResults> OpenGovernmentSynonyms = new Dictionary<string, EarlyResults>
    {
        ["worsens"] = Domain.Irm.EarlyResults.Worsened,
    };

    private static readonly IReadOnlyDictionary<string, MemberKind> KindSynonyms = new Dictionary<string, MemberKind>
    {
        ["legacylocal"] = MemberKind.LegacyLocal,
        ["national"] = MemberKind.National,
        ["local"] = MemberKind.Local,
        ["other"] = MemberKind.Other,
    };

    private static readonly IReadOnlyDictionary<string, Region> RegionSynonyms = new Dictionary<string, Region>
    {
        ["africaandthemiddleeast"] = Region.AfricaAndTheMiddleEast,
        ["africa"] = Region.AfricaAndTheMiddleEast,
        ["americas"] = Region.Americas,
        ["asiaandthepacific"] = Region.AsiaAndThePacific,
        ["asiapacific"] = Region.AsiaAndThePacific,
        ["europe"] = Region.Europe,
    };

    private readonly Dictionary<string, int> _columns;
    private readonly List<PolicyArea> _areas;

    public OgpRowReader(OgpLayout layout, IReadOnlyList<string> header, IReadOnlyList<PolicyArea> catalogue)
    {
        Layout = layout;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            _columns.TryAdd(Tidy(header[i]), i);
        }

        _areas = layout == OgpLayout.CurrentExport ? catalogue.Where(a => _columns.ContainsKey(a.Name)).ToList() : [];
        var read = layout == OgpLayout.CurrentExport
            ? OgpColumns.Export
            : OgpColumns.Explorer.All;
        MissingKeys = (layout == OgpLayout.CurrentExport ? OgpColumns.CurrentKeys : OgpColumns.Explorer.Keys).Where(k => !_columns.ContainsKey(k)).ToList();
        IgnoredColumns = header.Select(Tidy).Where(h => h.Length > 0 && !read.Contains(h, StringComparer.OrdinalIgnoreCase)).Distinct().ToList();
        HasIrm = (layout == OgpLayout.CurrentExport ? OgpColumns.CurrentIrm : OgpColumns.Explorer.Irm).Any(_columns.ContainsKey);
    }

    public OgpLayout Layout { get; }

    public IReadOnlyList<string> MissingKeys { get; }

    public IReadOnlyList<string> IgnoredColumns { get; }

    private bool HasIrm { get; }

    /// <summary>A header cell as compared: trimmed, inner spaces single.</summary>
    public static string Tidy(string? cell) => string.Join(' ', (cell ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public OgpRow Read(int line, Func<int, string?> cell) =>
        Layout == OgpLayout.CurrentExport ? ReadCurrent(line, cell) : ReadExplorer(line, cell);

    private OgpRow ReadCurrent(int line, Func<int, string?> cell)
    {
        string? Get(string column) => _columns.TryGetValue(column, out var i) ? cell(i) : null;

        var identifier = Get(OgpColumns.Identifier)?.Trim().ToUpperInvariant();
        var row = new OgpRow { Line = line, Identifier = string.IsNullOrEmpty(identifier) ? null : identifier };
        if (!CommitmentIdentifier.IsValid(identifier))
        {
            row.Reject(OgpColumns.Identifier, string.IsNullOrEmpty(identifier)
                ? "The commitment has no identifier."
                : $"'{identifier}' is not an OGP commitment identifier (the member's code and four digits, e.g. AL0002).");
            return row;
        }

        var kind = Required(row, Get(OgpColumns.Kind), OgpColumns.Kind, text => OgpCells.Scale(text, OgpColumns.Kind, KindSynonyms).Value);
        var region = Required(row, Get(OgpColumns.Region), OgpColumns.Region, text => OgpCells.Scale(text, OgpColumns.Region, RegionSynonyms).Value);
        var place = RequiredText(row, Get(OgpColumns.Member), OgpColumns.Member, Limits.MemberName + Limits.Country);
        var dataCode = RequiredText(row, Get(OgpColumns.DataCode), OgpColumns.DataCode, Limits.DataCode)?.ToUpperInvariant();
        if (place is not null && kind is { } k)
        {
            var (name, country) = SplitPlace(place, k);
            if (name.Length > Limits.MemberName)
            {
                row.Reject(OgpColumns.Member, $"The member's name is longer than {Limits.MemberName} characters.");
            }

            row.Member = new MemberCells(name, country, identifier![..^4], dataCode, k, region);
        }

        var ogpId = RequiredText(row, Get(OgpColumns.PlanId), OgpColumns.PlanId, Limits.OgpPlanId);
        var number = RequiredNumber(row, Get(OgpColumns.PlanNumber), OgpColumns.PlanNumber);
        var submitted = RequiredNumber(row, Get(OgpColumns.SubmissionYear), OgpColumns.SubmissionYear);
        var endYear = RequiredNumber(row, Get(OgpColumns.EndYear), OgpColumns.EndYear);
        var duration = _columns.ContainsKey(OgpColumns.Duration) ? RequiredNumber(row, Get(OgpColumns.Duration), OgpColumns.Duration) : endYear - submitted;
        if (number is { } n && submitted is { } s && endYear is { } e && duration is { } d)
        {
            if (Domain.ActionPlans.ActionPlan.RecordProblem(n, s, e, d) is { } problem)
            {
                row.Reject(OgpColumns.PlanId, problem);
            }

            row.Plan = new PlanCells(ogpId, n, s, e, d);
        }

        row.Commitment = ReadCommitment(row, Get, OgpColumns.Title, OgpColumns.ShortTitle, OgpColumns.Theme, OgpColumns.FullText, OgpColumns.LeadInstitution, OgpColumns.SupportingInstitutions, OgpColumns.StartDate, OgpColumns.EndDate, Get(OgpColumns.CommitmentNumber),
            [OgpColumns.ValueInformation, OgpColumns.ValueParticipation, OgpColumns.ValueAccountability, OgpColumns.ValueTechnology], out var relevanceGap);
        if (_areas.Count > 0)
        {
            row.PolicyAreas = _areas.Where(a => Get(a.Name)?.Trim() == "1").ToList();
        }

        if (HasIrm)
        {
            row.Irm = ReadIrm(row, Get, relevanceGap, current: true);
        }

        return row;
    }

    private OgpRow ReadExplorer(int line, Func<int, string?> cell)
    {
        string? Get(string column) => _columns.TryGetValue(column, out var i) ? cell(i) : null;

        var row = new OgpRow { Line = line };
        var country = RequiredText(row, Get(OgpColumns.Explorer.Country), OgpColumns.Explorer.Country, Limits.MemberName);
        var number = RequiredNumber(row, Get(OgpColumns.Explorer.PlanNumber), OgpColumns.Explorer.PlanNumber);
        var submitted = RequiredNumber(row, Get(OgpColumns.Explorer.SubmissionYear), OgpColumns.Explorer.SubmissionYear);
        var commitmentNumber = RequiredText(row, Get(OgpColumns.Explorer.CommitmentNumber), OgpColumns.Explorer.CommitmentNumber, Limits.RecordedText);
        if (country is not null)
        {
            row.Member = new MemberCells(country, null, null, null, null, null);
        }

        if (number is { } n && submitted is { } s)
        {
            if (Domain.ActionPlans.ActionPlan.RecordProblem(n, s, s + 2, 2) is { } problem)
            {
                row.Reject(OgpColumns.Explorer.PlanNumber, problem);
            }

            row.Plan = new PlanCells(null, n, s, null, null);
        }

        row.Commitment = ReadCommitment(row, Get, OgpColumns.Explorer.Title, OgpColumns.Explorer.ShortTitle, OgpColumns.Explorer.Theme, OgpColumns.Explorer.FullText, OgpColumns.Explorer.LeadInstitution, OgpColumns.Explorer.SupportingInstitutions, OgpColumns.Explorer.StartDate, OgpColumns.Explorer.EndDate, commitmentNumber,
            [OgpColumns.Explorer.ValueInformation, OgpColumns.Explorer.ValueParticipation, OgpColumns.Explorer.ValueAccountability, OgpColumns.Explorer.ValueTechnology], out var relevanceGap);
        if (HasIrm)
        {
            row.Irm = ReadIrm(row, Get, relevanceGap, current: false);
        }

        return row;
    }

    private static RecordedCommitment? ReadCommitment(
        OgpRow row, Func<string, string?> get, string titleColumn, string shortTitleColumn, string themeColumn, string fullTextColumn,
        string leadColumn, string supportingColumn, string startColumn, string endColumn, string? numberInPlan, string[] valueColumns, out NoDataKind? relevanceGap)
    {
        var title = RequiredText(row, get(titleColumn), titleColumn, Limits.CommitmentTitle);
        var shortTitle = OptionalText(row, get(shortTitleColumn), shortTitleColumn, Limits.ShortTitle);
        var theme = OptionalText(row, get(themeColumn), themeColumn, Limits.Theme);
        var fullText = OptionalText(row, get(fullTextColumn), fullTextColumn, Limits.CommitmentText);
        var lead = OptionalText(row, get(leadColumn), leadColumn, Limits.Institution);
        var supporting = OptionalText(row, get(supportingColumn), supportingColumn, Limits.SupportingInstitutions);
        var number = OptionalText(row, numberInPlan, "Commitment Number", Limits.RecordedText);
        var dayFirst = IsDayFirst(get(startColumn)) || IsDayFirst(get(endColumn));
        var start = ReadDateCell(row, get(startColumn), startColumn, dayFirst);
        var end = ReadDateCell(row, get(endColumn), endColumn, dayFirst);

        var values = Domain.Commitments.OgpValues.None;
        relevanceGap = null;
        Domain.Commitments.OgpValues[] flags = [Domain.Commitments.OgpValues.AccessToInformation, Domain.Commitments.OgpValues.CivicParticipation, Domain.Commitments.OgpValues.PublicAccountability, Domain.Commitments.OgpValues.TechnologyAndInnovation];
        for (var i = 0; i < valueColumns.Length; i++)
        {
            var reading = Flag(get(valueColumns[i]), valueColumns[i]);
            if (reading.Value == true)
            {
                values |= flags[i];
            }
            else if (reading.Value is null && get(valueColumns[i]) is not null)
            {
                relevanceGap ??= reading.Missing;
                Note(row, valueColumns[i], reading.Note);
            }
        }

        if (values != Domain.Commitments.OgpValues.None)
        {
            relevanceGap = null;
        }

        return title is null ? null : new RecordedCommitment(title, shortTitle, theme, fullText, lead, supporting, start.Date, start.AsWritten, end.Date, end.AsWritten, number, values);
    }

    private static RecordedIrmValues ReadIrm(OgpRow row, Func<string, string?> get, NoDataKind? relevanceGap, bool current)
    {
        var missing = new Dictionary<IrmIndicator, NoDataKind>();

        T? Indicator<T>(IrmIndicator indicator, string column, Func<string?, IndicatorReading<T>> read)
            where T : struct
        {
            var reading = read(get(column));
            Note(row, column, reading.Note);
            if (reading.Missing is { } kind)
            {
                missing[indicator] = kind;
            }

            return reading.Value;
        }

        if (relevanceGap is { } gap)
        {
            missing[IrmIndicator.Relevance] = gap;
        }

        var specificity = Indicator(IrmIndicator.Specificity, current ? OgpColumns.Specificity : OgpColumns.Explorer.Specificity, c => Scale<Specificity>(c, "Specificity"));
        var impact = Indicator(IrmIndicator.PotentialImpact, current ? OgpColumns.PotentialImpact : OgpColumns.Explorer.PotentialImpact, c => Scale<PotentialImpact>(c, "Potential Impact"));
        var atProgress = Indicator(IrmIndicator.CompletionAtProgressReport, current ? OgpColumns.CompletionAtProgressReport : OgpColumns.Explorer.CompletionAtProgressReport, c => Scale<LegacyCompletion>(c, "Completion"));
        var starredAtProgress = Indicator(IrmIndicator.StarredAtProgressReport, current ? OgpColumns.StarredAtProgressReport : OgpColumns.Explorer.StarredAtProgressReport, c => Flag(c, "Starred"));
        var atEnd = Indicator(IrmIndicator.CompletionAtEndOfTerm, current ? OgpColumns.CompletionAtEndOfTerm : OgpColumns.Explorer.CompletionAtEndOfTerm, c => Scale<LegacyCompletion>(c, "Completion"));
        var openGovernment = Indicator(IrmIndicator.DidItOpenGovernment, current ? OgpColumns.DidItOpenGovernment : OgpColumns.Explorer.DidItOpenGovernment, c => Scale(c, "Did it open government", OpenGovernmentSynonyms));
        bool? verifiable = null;
        PotentialForResults? potential = null;
        RecordedEarlyResults? early = null;
        bool? starredAtEnd = null;
        if (current)
        {
            verifiable = Indicator(IrmIndicator.Verifiable, OgpColumns.Verifiable, c => Flag(c, "Verifiable"));
            potential = Indicator(IrmIndicator.PotentialForResults, OgpColumns.PotentialForResults, c => Scale<PotentialForResults>(c, "Potential for Results"));
            early = Indicator(IrmIndicator.EarlyResults, OgpColumns.EarlyResults, c => Scale<RecordedEarlyResults>(c, "Early Results"));
            starredAtEnd = Indicator(IrmIndicator.StarredAtEndOfTerm, OgpColumns.StarredAtEndOfTerm, c => Flag(c, "Starred"));
        }

        return new RecordedIrmValues(
            specificity, verifiable, row.Commitment?.Values ?? Domain.Commitments.OgpValues.None, impact, potential, atProgress, atEnd,
            openGovernment, early, starredAtProgress, starredAtEnd, new NoDataKinds(missing));
    }

    private static DateReading ReadDateCell(OgpRow row, string? cell, string column, bool dayFirst)
    {
        var reading = ReadDate(cell, dayFirst);
        Note(row, column, reading.Note);
        if (reading.AsWritten?.Length > Limits.RecordedText)
        {
            row.Reject(column, $"The date is longer than {Limits.RecordedText} characters.");
        }

        return reading;
    }

    private static void Note(OgpRow row, string column, string? note)
    {
        if (note is not null)
        {
            row.Notes.Add((column, note));
        }
    }

    private static (string Name, string? Country) SplitPlace(string place, MemberKind kind)
    {
        var comma = place.LastIndexOf(',');
        if (kind is MemberKind.Local or MemberKind.LegacyLocal && comma > 0 && comma < place.Length - 1)
        {
            return (place[..comma].Trim(), place[(comma + 1)..].Trim());
        }

        return (place, kind == MemberKind.National ? place : null);
    }

    private static T? Required<T>(OgpRow row, string? cell, string column, Func<string, T?> read)
        where T : struct
    {
        var text = Text(cell);
        if (text is null)
        {
            row.Reject(column, $"{column} is empty.");
            return null;
        }

        var value = read(text);
        if (value is null)
        {
            row.Reject(column, $"'{text}' is not a value OGP uses for {column}.");
        }

        return value;
    }

    private static string? RequiredText(OgpRow row, string? cell, string column, int limit)
    {
        var text = OptionalText(row, cell, column, limit);
        if (text is null)
        {
            row.Reject(column, $"{column} is empty.");
        }

        return text;
    }

    private static string? OptionalText(OgpRow row, string? cell, string column, int limit)
    {
        var text = Text(cell);
        if (text?.Length > limit)
        {
            row.Reject(column, $"{column} is longer than {limit:N0} characters.");
            return null;
        }

        return text;
    }

    private static int? RequiredNumber(OgpRow row, string? cell, string column)
    {
        var text = Text(cell);
        var number = OgpCells.Number(text);
        if (number is null)
        {
            row.Reject(column, text is null ? $"{column} is empty." : $"'{text}' in {column} is not a whole number.");
        }

        return number;
    }
}
