using OgpPortal.Domain.ActionPlans;

namespace OgpPortal.Domain.Members;

/// <summary>Where a member stands against its next action-plan deadline.</summary>
public enum DeadlineStanding
{
    /// <summary>The deadline has not passed yet.</summary>
    Due,

    /// <summary>Past 31 August and no plan published yet.</summary>
    Late,

    /// <summary>Not delivered by 1 January, four months after the deadline: "acting contrary to process".</summary>
    [System.ComponentModel.DataAnnotations.Display(Name = "Acting contrary to process")]
    ContraryToProcess,
}

/// <summary>
/// OGP's delivery rules, written once: a member's plan is due on 31 August of a year of its cohort; it
/// counts as delivered only once published; past the deadline it is late, and a plan not delivered by
/// 1 January (four months late; delivering on 1 January is still "by") means the member is acting
/// contrary to process.
/// </summary>
public static class PlanDeadlines
{
    public const int DeadlineMonth = 8;

    public const int DeadlineDay = 31;

    /// <summary>The first year, on or after <paramref name="fromYear"/>, in which the cohort's plans are due.</summary>
    public static int CohortYearFrom(Cohort cohort, int fromYear) =>
        (fromYear % 2 == 0) == (cohort == Cohort.EvenYears) ? fromYear : fromYear + 1;

    /// <summary>
    /// The deadline of the member's next plan: 31 August of the first cohort year on or after the end of
    /// its latest published plan — or, if it has published none, of the first cohort year after the year
    /// it joined (only the year is known, so a member joining after 31 August is never late at once).
    /// </summary>
    public static DateOnly NextDeadline(Cohort cohort, int joinedYear, DateOnly? latestPublishedPlanEnd)
    {
        var fromYear = latestPublishedPlanEnd?.Year ?? joinedYear + 1;
        return new DateOnly(CohortYearFrom(cohort, fromYear), DeadlineMonth, DeadlineDay);
    }

    /// <summary>The last day on which a late plan is still delivered "by 1 January": 1 January after the deadline.</summary>
    public static DateOnly LastDayToDeliver(DateOnly deadline) => new(deadline.Year + 1, 1, 1);

    /// <summary>Where an undelivered plan stands on <paramref name="today"/>.</summary>
    public static DeadlineStanding Standing(DateOnly deadline, DateOnly today) =>
        today <= deadline ? DeadlineStanding.Due
        : today <= LastDayToDeliver(deadline) ? DeadlineStanding.Late
        : DeadlineStanding.ContraryToProcess;

    /// <summary>
    /// The months a plan really has for implementation: from the later of its start and its publication
    /// (a plan published late loses the months before) to the end of its period.
    /// </summary>
    public static int ImplementationMonths(DateOnly periodStart, DateOnly periodEnd, DateOnly? publishedOn)
    {
        var from = publishedOn is { } published && published > periodStart ? published : periodStart;
        return from > periodEnd ? 0 : PlanPeriod.Months(from, periodEnd);
    }

    /// <summary>True when implementation is shorter than OGP's 20-month minimum.</summary>
    public static bool IsShortImplementation(DateOnly periodStart, DateOnly periodEnd, DateOnly? publishedOn) =>
        ImplementationMonths(periodStart, periodEnd, publishedOn) < PlanPeriod.MinimumImplementationMonths;
}
