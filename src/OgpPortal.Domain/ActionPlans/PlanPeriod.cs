namespace OgpPortal.Domain.ActionPlans;

/// <summary>
/// OGP's rules for an action plan's period: two years, or four years (allowed since 2020), and an
/// implementation of at least 20 months.
/// </summary>
public static class PlanPeriod
{
    public const int MinimumImplementationMonths = 20;

    /// <summary>OGP began in 2011; the range keeps typing slips (year 1, year 9999) out of the data.</summary>
    public const int FirstYear = 2000;

    public const int LastYear = 2100;

    /// <summary>Whole months covered by a period, counting both the first and the last day.</summary>
    public static int Months(DateOnly start, DateOnly end)
    {
        var dayAfterEnd = end.AddDays(1);
        var months = ((dayAfterEnd.Year - start.Year) * 12) + dayAfterEnd.Month - start.Month;
        return dayAfterEnd.Day < start.Day ? months - 1 : months;
    }

    /// <summary>The period's length in years, rounded to the nearest year.</summary>
    public static int Years(DateOnly start, DateOnly end) =>
        (int)Math.Round(Months(start, end) / 12.0, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Returns why the period is not acceptable for a new plan, or null when it is: two years (20 to 24
    /// months, as implementation must last at least 20) or four years (44 to 48 months).
    /// </summary>
    public static string? Problem(DateOnly start, DateOnly end)
    {
        if (start.Year < FirstYear || end.Year > LastYear)
        {
            return $"The plan period must fall between {FirstYear} and {LastYear}.";
        }

        if (end <= start)
        {
            return "The plan period must end after it starts.";
        }

        var months = Months(start, end);
        return months is (>= MinimumImplementationMonths and <= 24) or (>= 44 and <= 48)
            ? null
            : $"An action plan runs for two years (20 to 24 months) or four years (44 to 48 months); this period is {months} months.";
    }
}
