using System.Globalization;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Contributions;
using OgpPortal.Domain.Members;

namespace OgpPortal.UnitTests;

public sealed class PlanDeadlineTests
{
    private static DateOnly Day(string value) => DateOnly.Parse(value, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2027-06-01", null)]
    [InlineData("2027-07-02", 60)]
    [InlineData("2027-07-17", 60)]
    [InlineData("2027-08-01", 30)]
    [InlineData("2027-08-23", 30)]
    [InlineData("2027-08-24", 7)]
    [InlineData("2027-08-31", 7)]
    [InlineData("2027-09-01", null)]
    public void Reminder_IsTheNearestOf60_30And7DaysTheDeadlineIsWithin_AndNoneOnceItHasPassed(string today, int? expected)
    {
        var cycle = PlanDeadlines.Cycle(Day("2027-08-31"), Day(today));

        PlanDeadlines.ReminderDue(cycle, Day(today)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-08-30", "2026-08-31", DeadlineStanding.Due, null)]
    [InlineData("2026-08-31", "2026-08-31", DeadlineStanding.Due, null)]
    [InlineData("2026-09-01", "2026-08-31", DeadlineStanding.Late, null)]
    [InlineData("2026-12-31", "2026-08-31", DeadlineStanding.Late, null)]
    [InlineData("2027-01-01", "2026-08-31", DeadlineStanding.Late, null)]
    [InlineData("2027-01-02", "2027-08-31", DeadlineStanding.Due, "2026-08-31")]
    [InlineData("2027-08-31", "2027-08-31", DeadlineStanding.Due, "2026-08-31")]
    [InlineData("2027-09-01", "2027-08-31", DeadlineStanding.Late, "2026-08-31")]
    [InlineData("2028-01-02", "2028-08-31", DeadlineStanding.Due, "2027-08-31")]
    [InlineData("2030-06-01", "2030-08-31", DeadlineStanding.Due, "2029-08-31")]
    public void Cycle_From31August2026_IsLateAfterTheDeadline_AndANewCycleOnTheNextCohortAfter1January(string today, string deadline, DeadlineStanding standing, string? missed)
    {
        var cycle = PlanDeadlines.Cycle(new DateOnly(2026, 8, 31), Day(today));

        cycle.ShouldBe(new PlanCycle(Day(deadline), standing, missed is null ? null : Day(missed)));
        cycle.CountedContraryOn.ShouldBe(missed is null ? null : new DateOnly(Day(missed).Year + 1, 1, 2));
    }

    [Fact]
    public void Cycle_OfAMemberThatNeverDelivered_IsItsCurrentCycle_NotAFindingFromYearsAgo()
    {
        // Joined in 2015 (even years), no plan published: due 31 August 2016, then every year on the next cohort.
        var cycle = PlanDeadlines.Cycle(PlanDeadlines.NextDeadline(Cohort.EvenYears, 2015, null, null), new DateOnly(2026, 12, 7));

        cycle.ShouldBe(new PlanCycle(new DateOnly(2026, 8, 31), DeadlineStanding.Late, new DateOnly(2025, 8, 31)));
        cycle.LastDayToDeliver.ShouldBe(new DateOnly(2027, 1, 1));
    }

    [Theory]
    [InlineData("2026-03-01")]
    [InlineData("2026-12-07")]
    [InlineData("2027-12-31")]
    [InlineData("2028-08-31")]
    public void Cycle_OfAMemberJustJoined_IsNotLateBeforeItsFirstDeadline(string today) =>
        PlanDeadlines.Cycle(PlanDeadlines.NextDeadline(Cohort.EvenYears, 2026, null, null), Day(today))
            .ShouldBe(new PlanCycle(new DateOnly(2028, 8, 31), DeadlineStanding.Due, null));

    [Fact]
    public void Cycle_AfterAPlanPublished_CountsFromItsEnd()
    {
        // Published for the 2024 deadline, a two-year plan ending in 2026: the next is due 31 August 2026.
        var next = PlanDeadlines.NextDeadline(Cohort.EvenYears, 2011, null, new DateOnly(2026, 8, 31));

        PlanDeadlines.Cycle(next, new DateOnly(2026, 7, 1)).ShouldBe(new PlanCycle(new DateOnly(2026, 8, 31), DeadlineStanding.Due, null));
        PlanDeadlines.Cycle(next, new DateOnly(2026, 10, 1)).ShouldBe(new PlanCycle(new DateOnly(2026, 8, 31), DeadlineStanding.Late, null));
    }

    [Theory]
    [InlineData(Cohort.EvenYears, 2025, 2026)]
    [InlineData(Cohort.EvenYears, 2026, 2026)]
    [InlineData(Cohort.OddYears, 2026, 2027)]
    [InlineData(Cohort.OddYears, 2025, 2025)]
    public void CohortYear_IsTheFirstYearOfTheCohortFromTheGivenYear(Cohort cohort, int from, int expected) =>
        PlanDeadlines.CohortYearFrom(cohort, from).ShouldBe(expected);

    [Fact]
    public void NextDeadline_FollowsTheEndOfTheLatestPublishedPlan()
    {
        // A two-year plan published for the 2024 deadline ends in 2026: the next is due 31 August 2026.
        PlanDeadlines.NextDeadline(Cohort.EvenYears, 2011, null, new DateOnly(2026, 8, 31)).ShouldBe(new DateOnly(2026, 8, 31));

        // An odd-year member whose plan ends in 2026 delivers its next plan in 2027.
        PlanDeadlines.NextDeadline(Cohort.OddYears, 2011, null, new DateOnly(2026, 6, 30)).ShouldBe(new DateOnly(2027, 8, 31));
    }

    [Theory]
    [InlineData(Cohort.OddYears, 2024, 2025)]
    [InlineData(Cohort.EvenYears, 2026, 2028)]
    [InlineData(Cohort.OddYears, 2026, 2027)]
    public void NextDeadline_WithoutAPublishedPlan_IsInTheFirstCohortYearAfterJoining(Cohort cohort, int joined, int dueYear) =>
        PlanDeadlines.NextDeadline(cohort, joined, null, null).ShouldBe(new DateOnly(dueYear, 8, 31));

    [Theory]
    [InlineData(Cohort.EvenYears, "2026-03-01", 2026)]
    [InlineData(Cohort.EvenYears, "2026-08-30", 2026)]
    [InlineData(Cohort.EvenYears, "2026-08-31", 2028)]
    [InlineData(Cohort.EvenYears, "2026-09-15", 2028)]
    [InlineData(Cohort.OddYears, "2026-09-15", 2027)]
    [InlineData(Cohort.OddYears, "2025-12-31", 2027)]
    public void NextDeadline_OfAMemberWithAJoiningDate_IsTheFirst31AugustOfItsCohortAfterThatDay(Cohort cohort, string joined, int dueYear)
    {
        var joinedOn = Day(joined);

        PlanDeadlines.NextDeadline(cohort, joinedOn.Year, joinedOn, null).ShouldBe(new DateOnly(dueYear, 8, 31));
    }

    [Fact]
    public void NextDeadline_FollowsAPublishedPlan_RatherThanTheJoiningDate() =>
        PlanDeadlines.NextDeadline(Cohort.EvenYears, 2011, new DateOnly(2011, 9, 20), new DateOnly(2026, 8, 31)).ShouldBe(new DateOnly(2026, 8, 31));

    [Theory]
    [InlineData("2026-09-01", "2028-08-31", null, 24)]
    [InlineData("2026-09-01", "2028-08-31", "2026-08-15", 24)]
    [InlineData("2026-09-01", "2028-04-30", null, 20)]
    [InlineData("2026-09-01", "2028-08-31", "2027-01-01", 20)]
    [InlineData("2026-09-01", "2028-08-31", "2027-01-02", 19)]
    [InlineData("2026-09-01", "2028-08-31", "2029-01-01", 0)]
    public void ImplementationMonths_CountFromTheLaterOfStartAndPublication(string start, string end, string? published, int months)
    {
        var publishedOn = published is null ? (DateOnly?)null : Day(published);

        PlanDeadlines.ImplementationMonths(Day(start), Day(end), publishedOn).ShouldBe(months);
        PlanDeadlines.IsShortImplementation(Day(start), Day(end), publishedOn).ShouldBe(months < 20);
    }
}

public sealed class CoCreationStandardTests
{
    private static readonly DateOnly PlanStart = new(2026, 1, 1);
    private static readonly DateOnly PlanEnd = new(2028, 8, 31);

    [Fact]
    public void Forum_MeetingEverySixMonths_IsMet()
    {
        var check = CoCreationStandards.CheckForum("Forum", [new(2026, 1, 10), new(2026, 7, 10), new(2026, 12, 1)], PlanStart, new DateOnly(2027, 6, 1));

        check.Met.ShouldBeTrue();
        check.Explanation.ShouldBe("3 meetings recorded; the last on 2026-12-01.");
    }

    [Fact]
    public void Forum_WithAGapLongerThanSixMonths_IsNotMet()
    {
        var check = CoCreationStandards.CheckForum("Forum", [new(2026, 1, 10), new(2026, 7, 11)], PlanStart, new DateOnly(2026, 8, 1));

        check.Met.ShouldBeFalse();
        check.Explanation.ShouldContain("2026-01-10 and 2026-07-11");
    }

    [Fact]
    public void Forum_SilentForMoreThanSixMonthsSinceItsLastMeeting_IsNotMet()
    {
        CoCreationStandards.CheckForum("Forum", [new(2026, 1, 10)], PlanStart, new DateOnly(2026, 7, 10)).Explanation.ShouldBe("1 meeting recorded, on 2026-01-10.");
        CoCreationStandards.CheckForum("Forum", [new(2026, 1, 10)], PlanStart, new DateOnly(2026, 7, 11)).Met.ShouldBeFalse();
    }

    [Fact]
    public void Forum_SilentForTheFirstSixMonthsOfThePlan_IsNotMet()
    {
        // A plan from September 2024 whose forum first met in March 2026.
        var check = CoCreationStandards.CheckForum("Forum", [new(2026, 3, 1), new(2026, 8, 1)], new DateOnly(2024, 9, 1), new DateOnly(2026, 8, 31));

        check.Met.ShouldBeFalse();
        check.Explanation.ShouldContain("did not meet in the six months after the plan period began on 2024-09-01");
    }

    [Fact]
    public void Forum_MeetingDuringCoCreationBeforeThePlan_CountsForItsStart() =>
        CoCreationStandards.CheckForum("Forum", [new(2024, 6, 1), new(2024, 11, 1)], new DateOnly(2024, 9, 1), new DateOnly(2025, 3, 1)).Met.ShouldBeTrue();

    [Fact]
    public void Forum_WithoutForumOrMeetings_IsNotMet()
    {
        CoCreationStandards.CheckForum(null, [new(2026, 1, 10)], PlanStart, PlanEnd).Met.ShouldBeFalse();
        CoCreationStandards.CheckForum("Forum", [], PlanStart, PlanEnd).Met.ShouldBeFalse();
    }

    [Fact]
    public void Checklist_AfterThePlanEnded_CountsSilenceOnlyUntilItsEnd()
    {
        var checks = CoCreationStandards.Check(Evidence() with { Meetings = [new(2026, 5, 1), new(2026, 10, 1), new(2027, 4, 1), new(2027, 10, 1), new(2028, 4, 1), new(2028, 6, 1)] }, today: new DateOnly(2030, 1, 1));

        checks.Single(c => c.Standard == CoCreationStandard.Forum).Met.ShouldBeTrue();
    }

    [Fact]
    public void Consultation_HeldOnThePortal_MeetsTheStandardWithoutALink()
    {
        var check = CoCreationStandards.CheckConsultation(Held(published: 0, answered: 0), consultationUrl: null);

        check.Met.ShouldBeTrue();
        check.Explanation.ShouldBe("Held on this portal from 2025-09-01 to 2025-10-15.");
    }

    [Fact]
    public void Consultation_NeitherOnThePortalNorRecorded_IsNotMet_AndALinkStandsForOneHeldElsewhere()
    {
        CoCreationStandards.CheckConsultation(null, null).Met.ShouldBeFalse();
        CoCreationStandards.CheckConsultation(null, "https://example.org/consultation").Met.ShouldBeTrue();
    }

    [Fact]
    public void ReasonedResponse_EveryPublishedCommentAnsweredOnThePortal_IsMetWithoutALink()
    {
        var check = CoCreationStandards.CheckReasonedResponse(Held(published: 4, answered: 4), reasonedResponseUrl: null);

        check.Met.ShouldBeTrue();
        check.Explanation.ShouldBe("Every one of the 4 published comments has a reasoned response on this portal.");
    }

    [Fact]
    public void ReasonedResponse_WithUnansweredComments_IsNotMet_EvenWithALink()
    {
        var check = CoCreationStandards.CheckReasonedResponse(Held(published: 4, answered: 3), "https://example.org/response");

        check.Met.ShouldBeFalse();
        check.Explanation.ShouldBe("3 of the 4 published comments have a reasoned response.");
    }

    [Fact]
    public void ReasonedResponse_WithCommentsStillHeldForModeration_IsNotMet() =>
        CoCreationStandards.CheckReasonedResponse(Held(published: 2, answered: 2, held: 1), null).Finding.ShouldBe(StandardFinding.CommentsAwaitModeration);

    [Fact]
    public void ReasonedResponse_WithoutAConsultation_NeedsTheRecordedLink()
    {
        CoCreationStandards.CheckReasonedResponse(null, null).Met.ShouldBeFalse();
        CoCreationStandards.CheckReasonedResponse(null, "https://example.org/response").Met.ShouldBeTrue();
    }

    [Fact]
    public void ReasonedResponse_AConsultationThatReceivedNoComments_LeavesNothingUnanswered() =>
        CoCreationStandards.CheckReasonedResponse(Held(published: 0, answered: 0), null).Finding.ShouldBe(StandardFinding.NoCommentsToAnswer);

    [Fact]
    public void Checklist_ListsEveryStandardOnce_InOrder() =>
        CoCreationStandards.Check(Evidence(), new DateOnly(2026, 6, 1)).Select(c => c.Standard).ShouldBe(Enum.GetValues<CoCreationStandard>());

    private static PortalConsultation Held(int published, int answered, int held = 0) =>
        new(new DateOnly(2025, 9, 1), new DateOnly(2025, 10, 15), IsOpen: false, published, answered, held);

    private static CoCreationEvidence Evidence() =>
        new("Forum", [], "https://example.org/ogp", null, null, null, PlanStart, PlanEnd);
}

public sealed class MemberStatusTests
{
    private static Member Norway() => new() { Name = "Norway", Code = "NO" };

    [Fact]
    public void ChangeStatus_KeepsTheHistory()
    {
        var member = Norway();

        member.ChangeStatus(MemberStatus.UnderProceduralReview, new DateOnly(2025, 1, 1), "Plan not delivered by 1 January.");
        member.ChangeStatus(MemberStatus.Active, new DateOnly(2025, 9, 1), null);

        member.Status.ShouldBe(MemberStatus.Active);
        member.StatusHistory.Select(c => (c.From, c.To, c.EffectiveOn)).ShouldBe(
        [
            (MemberStatus.Active, MemberStatus.UnderProceduralReview, new DateOnly(2025, 1, 1)),
            (MemberStatus.UnderProceduralReview, MemberStatus.Active, new DateOnly(2025, 9, 1)),
        ]);
    }

    [Fact]
    public void ProceduralReview_WithoutReason_IsRefusedAndChangesNothing()
    {
        var member = Norway();

        Should.Throw<DomainRuleException>(() => member.ChangeStatus(MemberStatus.UnderProceduralReview, new DateOnly(2025, 1, 1), " "))
            .Message.ShouldBe("Give the reason for this status.");
        member.Status.ShouldBe(MemberStatus.Active);
        member.StatusHistory.ShouldBeEmpty();
    }

    [Fact]
    public void ChangeStatus_DatedBeforeThePreviousChange_IsRefused()
    {
        var member = Norway();
        member.ChangeStatus(MemberStatus.Inactive, new DateOnly(2025, 5, 1), null);

        Should.Throw<DomainRuleException>(() => member.ChangeStatus(MemberStatus.Active, new DateOnly(2025, 4, 30), null));
        member.Status.ShouldBe(MemberStatus.Inactive);
    }
}

public sealed class ContributionTests
{
    private static readonly Member Kenya = new() { Name = "Kenya", Code = "KE" };

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(10.005)]
    public void RecordPayment_WithAnAmountNotAboveZeroToTheCent_IsRefused(decimal amount)
    {
        var contribution = Contribution.Expect(Kenya, 2026, "Tier 3", 50_000m, "USD");

        Should.Throw<DomainRuleException>(() => contribution.RecordPayment(new DateOnly(2026, 6, 30), amount, "USD", null));
        contribution.Payments.ShouldBeEmpty();
    }

    [Fact]
    public void Payments_InTheExpectedCurrency_AddUp()
    {
        var contribution = Contribution.Expect(Kenya, 2026, "Tier 3", 50_000m, "usd");
        contribution.RecordPayment(new DateOnly(2026, 3, 1), 20_000m, "USD", "First instalment");
        contribution.RecordPayment(new DateOnly(2026, 6, 1), 5_000m, "EUR", null);

        contribution.Currency.ShouldBe("USD");
        contribution.PaidInExpectedCurrency.ShouldBe(20_000m);
    }

    [Theory]
    [InlineData("US")]
    [InlineData("US$")]
    [InlineData("")]
    public void Expect_WithAnInvalidCurrency_IsRefused(string currency) =>
        Should.Throw<DomainRuleException>(() => Contribution.Expect(Kenya, 2026, "Tier 3", 50_000m, currency));
}
