using OgpPortal.Domain.ActionPlans;

namespace OgpPortal.Domain.Members;

/// <summary>Where a member's current cycle stands against its deadline.</summary>
public enum DeadlineStanding
{
    /// <summary>The deadline has not passed yet.</summary>
    [System.ComponentModel.DataAnnotations.Display(Name = "Not yet due")]
    Due,

    /// <summary>Past 31 August and not delivered yet; still in time until 1 January.</summary>
    Late,
}

/// <summary>
/// A member's current action-plan cycle: its plan's deadline, where it stands, and — when the cycle before it ended
/// without a plan delivered by 1 January — that cycle's deadline, which OGP counted as "acting contrary to process"
/// (the member then moved to the next cohort and this cycle started clean).
/// </summary>
public sealed record PlanCycle(DateOnly Deadline, DeadlineStanding Standing, DateOnly? MissedDeadline)
{
    /// <summary>The last day on which this cycle's plan is still delivered "by 1 January".</summary>
    public DateOnly LastDayToDeliver => PlanDeadlines.LastDayToDeliver(Deadline);

    /// <summary>The day OGP counted the previous cycle as contrary to process (the day after its 1 January).</summary>
    public DateOnly? CountedContraryOn => MissedDeadline is { } missed ? PlanDeadlines.LastDayToDeliver(missed).AddDays(1) : null;
}

/// <summary>
/// OGP's delivery rules, written once: a member's plan is due on 31 August of a year of its cohort; it counts as
/// delivered only once published; past the deadline it is late, and a cycle whose plan is not delivered by
/// 1 January (four months late; delivering on 1 January is still "by") counts as "acting contrary to process",
/// after which the member moves to the next cohort — its next plan is due the following 31 August — and that
/// cycle starts clean (../shared/docs/domain.md).
/// </summary>
public static class PlanDeadlines
{
    public const int DeadlineMonth = 8;

    public const int DeadlineDay = 31;

    /// <summary>The first year, on or after <paramref name="fromYear"/>, in which the cohort's plans are due.</summary>
    public static int CohortYearFrom(Cohort cohort, int fromYear) =>
        (fromYear % 2 == 0) == (cohort == Cohort.EvenYears) ? fromYear : fromYear + 1;

    /// <summary>
    /// The deadline of the member's next plan as its record stands: 31 August of the first cohort year on or after
    /// the year its latest published plan ends (OGP's cycle runs deadline to deadline: a two-year plan delivered for
    /// 2025 is followed by one due in 2027, whatever month it ends) — or, with none published, the first 31 August of a cohort year after
    /// the day it joined (<paramref name="joinedOn"/>), or, when only the year is known, after the end of that year
    /// (so a member is never late at once). From there <see cref="Cycle"/> finds the cycle that is open today.
    /// </summary>
    public static DateOnly NextDeadline(Cohort cohort, int joinedYear, DateOnly? joinedOn, DateOnly? latestPublishedPlanEnd)
    {
        var fromYear = latestPublishedPlanEnd?.Year
            ?? (joinedOn is { } joined
                ? (joined < new DateOnly(joined.Year, DeadlineMonth, DeadlineDay) ? joined.Year : joined.Year + 1)
                : joinedYear + 1);
        return new DateOnly(CohortYearFrom(cohort, fromYear), DeadlineMonth, DeadlineDay);
    }

    /// <summary>The last day on which a late plan is still delivered "by 1 January": 1 January after the deadline.</summary>
    public static DateOnly LastDayToDeliver(DateOnly deadline) => new(deadline.Year + 1, 1, 1);

    /// <summary>How many days before the deadline a member's points of contact are reminded, each once: 60, 30 and 7.</summary>
    public static IReadOnlyList<int> ReminderDays { get; } = [60, 30, 7];

    /// <summary>
    /// The reminder due on <paramref name="today"/> for a cycle whose plan is not delivered yet: the nearest of
    /// <see cref="ReminderDays"/> the deadline is within (45 days left → the 60-day reminder, 5 → the 7-day one); null
    /// when the deadline is further than 60 days away or has passed. Sent once each: a reminder missed while the portal
    /// was down is replaced by the next one, never sent late after it.
    /// </summary>
    public static int? ReminderDue(PlanCycle cycle, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var left = cycle.Deadline.DayNumber - today.DayNumber;
        return cycle.Standing != DeadlineStanding.Due || left < 0 ? null : ReminderDays.Where(d => left <= d).Order().Cast<int?>().FirstOrDefault();
    }

    /// <summary>
    /// The cycle a member is in on <paramref name="today"/>, starting from <paramref name="nextDeadline"/>
    /// (<see cref="NextDeadline"/>): each cycle not delivered by its 1 January is counted contrary to process and
    /// the next one is due the following 31 August, until the cycle that is still open today.
    /// </summary>
    public static PlanCycle Cycle(DateOnly nextDeadline, DateOnly today)
    {
        var deadline = nextDeadline;
        DateOnly? missed = null;
        while (today > LastDayToDeliver(deadline))
        {
            missed = deadline;
            deadline = new DateOnly(deadline.Year + 1, DeadlineMonth, DeadlineDay);
        }

        return new PlanCycle(deadline, today <= deadline ? DeadlineStanding.Due : DeadlineStanding.Late, missed);
    }

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
