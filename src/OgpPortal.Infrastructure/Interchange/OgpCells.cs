using System.Globalization;
using System.Text.RegularExpressions;
using OgpPortal.Domain.Irm;

namespace OgpPortal.Infrastructure.Interchange;

/// <summary>A date cell read: a day when the cell names one, else the text as written; and what was noticed.</summary>
public sealed record DateReading(DateOnly? Date, string? AsWritten, string? Note)
{
    public static readonly DateReading Empty = new(null, null, null);
}

/// <summary>An indicator cell read: its value, or why it has none; and a note when the text is off the scale.</summary>
public sealed record IndicatorReading<T>(T? Value, NoDataKind? Missing, string? Note)
    where T : struct;

/// <summary>
/// How the cells of OGP's data are read (docs/data-interchange.md states the same rules). Placeholders:
/// <c>ND</c> and blank are "no data", <c>NR</c> "not reviewed", <c>NA</c> "not applicable". Coded values may
/// carry the IRM explorer's letter prefix (<c>c. high</c>). Dates are read by the rules of
/// <see cref="ReadDate"/> and never guessed into a day the cell does not name.
/// </summary>
public static partial class OgpCells
{
    /// <summary>The first and last years a date in OGP's data can have (OGP began in 2011).</summary>
    private const int FirstYear = 2000;
    private const int LastYear = 2100;

    /// <summary>Excel day numbers of 1 January 2000 and 31 December 2100.</summary>
    private const int FirstExcelDay = 36_526;
    private const int LastExcelDay = 73_415;

    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <summary>The placeholder kind of a cell, or null when the cell holds a value.</summary>
    public static NoDataKind? Placeholder(string? cell)
    {
        var text = cell?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return NoDataKind.NoData;
        }

        return text.ToUpperInvariant() switch
        {
            "ND" => NoDataKind.NoData,
            "NR" => NoDataKind.NotReviewed,
            "NA" or "N/A" => NoDataKind.NotApplicable,
            _ => null,
        };
    }

    /// <summary>The code OGP's export writes for a missing value.</summary>
    public static string Code(NoDataKind kind) => kind switch
    {
        NoDataKind.NotReviewed => "NR",
        NoDataKind.NotApplicable => "NA",
        _ => "ND",
    };

    /// <summary>
    /// Text, or null for a placeholder or a blank cell. The apostrophe an export puts before text that
    /// starts like a spreadsheet formula (<c>'=</c>, <c>'+</c>, <c>'-</c>, <c>'@</c>) is taken off again.
    /// </summary>
    public static string? Text(string? cell)
    {
        if (Placeholder(cell) is not null)
        {
            return null;
        }

        var text = cell!.Trim();
        return text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' ? text[1..] : text;
    }

    /// <summary>
    /// Whether the slash date a/b/y of a cell can only be day-first (a &gt; 12): then the row's other slash
    /// date is read day-first too, as one hand wrote both.
    /// </summary>
    public static bool IsDayFirst(string? cell) =>
        cell is not null && SlashDate().Match(cell.Trim()) is { Success: true } m && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) > 12;

    /// <summary>
    /// Reads a date cell. <c>m/d/yyyy</c> is read month first, as OGP's export writes it, unless the first
    /// number is over 12 (then day first) or <paramref name="dayFirst"/> says the row's other date is day
    /// first. Two-digit years are 20yy. A five-digit number in range is an Excel day number. ISO dates
    /// (yyyy-mm-dd, as the portal exports) are read as such. Anything else that is not a placeholder ("July
    /// 2014", "2012", "Quarter 4 2016", "Permanent activity") names no single day and is kept as written.
    /// </summary>
    public static DateReading ReadDate(string? cell, bool dayFirst)
    {
        if (Placeholder(cell) is not null)
        {
            return DateReading.Empty;
        }

        var text = cell!.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return InRange(iso) ? new DateReading(iso, null, null) : AsWritten(text, "the year is outside 2000–2100");
        }

        var slash = SlashDate().Match(text);
        if (slash.Success)
        {
            var a = int.Parse(slash.Groups[1].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(slash.Groups[2].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(slash.Groups[3].Value, CultureInfo.InvariantCulture);
            var twoDigitYear = slash.Groups[3].Value.Length == 2;
            if (twoDigitYear)
            {
                year += 2000;
            }

            var (month, day) = a > 12 || (dayFirst && b <= 12) ? (b, a) : (a, b);
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month))
            {
                return AsWritten(text, "it is not a day of the calendar");
            }

            var date = new DateOnly(year, month, day);
            if (!InRange(date))
            {
                return AsWritten(text, "the year is outside 2000–2100");
            }

            var note = twoDigitYear ? $"'{text}' has a two-digit year, read as {date:yyyy-MM-dd}." : null;
            return new DateReading(date, null, note);
        }

        if (ExcelDay().IsMatch(text) && int.Parse(text, CultureInfo.InvariantCulture) is >= FirstExcelDay and <= LastExcelDay and var serial)
        {
            var date = ExcelEpoch.AddDays(serial);
            return new DateReading(date, null, $"'{text}' is a spreadsheet day number, read as {date:yyyy-MM-dd}.");
        }

        return new DateReading(null, text, null);
    }

    /// <summary>Reads a whole number (years, plan numbers); null when the cell is not one.</summary>
    public static int? Number(string? cell) =>
        int.TryParse(cell?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>Reads a 1/0 (or Yes/No) flag; a placeholder gives its kind; anything else is off the scale.</summary>
    public static IndicatorReading<bool> Flag(string? cell, string column)
    {
        if (Placeholder(cell) is { } missing)
        {
            return new(null, missing, null);
        }

        return Normalise(cell!) switch
        {
            "1" or "yes" or "y" => new(true, null, null),
            "0" or "no" or "n" => new(false, null, null),
            _ => new(null, NoDataKind.NoData, $"'{cell!.Trim()}' is not a yes or no for {column}; kept as no data."),
        };
    }

    /// <summary>
    /// Reads a coded value onto a scale (<typeparamref name="T"/>'s names, with the letter prefix of the IRM
    /// explorer and spaces, case and hyphens ignored, plus the synonyms given). Off the scale: no data, and
    /// a note saying so.
    /// </summary>
    public static IndicatorReading<T> Scale<T>(string? cell, string column, IReadOnlyDictionary<string, T>? synonyms = null)
        where T : struct, Enum
    {
        if (Placeholder(cell) is { } missing)
        {
            return new(null, missing, null);
        }

        var key = Normalise(LetterPrefix().Replace(cell!.Trim(), string.Empty));
        if (synonyms is not null && synonyms.TryGetValue(key, out var synonym))
        {
            return new(synonym, null, null);
        }

        foreach (var value in Enum.GetValues<T>())
        {
            if (Normalise(value.ToString()) == key)
            {
                return new(value, null, null);
            }
        }

        return new(null, NoDataKind.NoData, $"'{cell.Trim()}' is not on the scale of {column}; kept as no data.");
    }

    private static bool InRange(DateOnly date) => date.Year is >= FirstYear and <= LastYear;

    private static DateReading AsWritten(string text, string why) =>
        new(null, text, $"'{text}' cannot be read as a date ({why}); kept as written.");

    private static string Normalise(string text) =>
        NotLetterOrDigit().Replace(text, string.Empty).ToLowerInvariant();

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})$")]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex ExcelDay();

    [GeneratedRegex(@"^[a-zA-Z]\.\s*")]
    private static partial Regex LetterPrefix();

    [GeneratedRegex(@"[^\p{L}\p{N}]")]
    private static partial Regex NotLetterOrDigit();
}
