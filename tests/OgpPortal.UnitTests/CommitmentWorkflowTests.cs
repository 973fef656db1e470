using OgpPortal.Domain.Access;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;

namespace OgpPortal.UnitTests;

public sealed class CommitmentWorkflowTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Return_WithoutReason_IsRefused()
    {
        var commitment = Plans.Submitted(1).Commitments.Single();

        Should.Throw<DomainRuleException>(() => commitment.Return(PortalRole.SupportUnit, ""))
            .Message.ShouldBe("A reason for returning the commitment is required.");
        commitment.ReviewStatus.ShouldBe(CommitmentReviewStatus.Submitted);
    }

    [Fact]
    public void ReturnedCommitment_ShowsTheReason_CanBeRevisedAndResubmitted()
    {
        var plan = Plans.Submitted(2);
        var commitment = plan.Commitments.First();

        commitment.Return(PortalRole.SupportUnit, "Make the milestones measurable.");
        commitment.ReturnReason.ShouldBe("Make the milestones measurable.");
        commitment.IsTextEditable.ShouldBeTrue();
        plan.Commitments.Last().IsTextEditable.ShouldBeFalse();
        commitment.UpdateText(Plans.Text("Revised commitment"));
        commitment.Resubmit(PortalRole.PointOfContact);

        commitment.ReviewStatus.ShouldBe(CommitmentReviewStatus.Submitted);
        commitment.ReturnReason.ShouldBeNull();
        commitment.Title.ShouldBe("Revised commitment");
    }

    [Fact]
    public void Accept_ByPointOfContact_IsRefused()
    {
        var commitment = Plans.Submitted(1).Commitments.Single();

        Should.Throw<DomainRuleException>(() => commitment.Accept(PortalRole.PointOfContact))
            .Message.ShouldBe("Only the Support Unit may accept a commitment.");
    }

    [Fact]
    public void Accept_InADraftPlan_IsRefused()
    {
        var commitment = Plans.DraftWithCommitments(1).Commitments.Single();

        Should.Throw<DomainRuleException>(() => commitment.Accept(PortalRole.SupportUnit))
            .Message.ShouldContain("Only a submitted commitment in a submitted plan can be accepted");
    }

    [Fact]
    public void Resubmit_ACommitmentThatWasNotReturned_IsRefused()
    {
        var commitment = Plans.Submitted(1).Commitments.Single();

        Should.Throw<DomainRuleException>(() => commitment.Resubmit(PortalRole.PointOfContact));
    }

    [Fact]
    public void UpdateText_WithDatesOutsideThePlanPeriod_IsRefusedAndKeepsTheOldText()
    {
        var commitment = Plans.DraftWithCommitments(1).Commitments.Single();
        var text = Plans.Text("Too long") with { EndDate = new DateOnly(2029, 6, 30) };

        Should.Throw<DomainRuleException>(() => commitment.UpdateText(text)).Message.ShouldContain("within the plan period");
        commitment.Title.ShouldBe("Commitment 1");
    }

    [Fact]
    public void UpdateText_WithOnlyAStartDateBeforeThePlan_IsRefused()
    {
        var commitment = Plans.DraftWithCommitments(1).Commitments.Single();
        var text = Plans.Text("Early start") with { StartDate = new DateOnly(2026, 6, 1), EndDate = null };

        Should.Throw<DomainRuleException>(() => commitment.UpdateText(text)).Message.ShouldContain("within the plan period");
    }

    [Fact]
    public void AddMilestone_DueOutsideThePlanPeriod_IsRefused()
    {
        var commitment = Plans.DraftWithCommitments(1).Commitments.Single();

        Should.Throw<DomainRuleException>(() => commitment.AddMilestone("After the plan", new DateOnly(2029, 1, 1)))
            .Message.ShouldContain("due date must fall within the plan period");
        commitment.Milestones.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/file")]
    [InlineData("not a link")]
    public void MilestoneEvidence_MustBeAWebAddress(string evidence)
    {
        var commitment = Plans.Published(1, Now).Commitments.Single();

        Should.Throw<DomainRuleException>(() => commitment.RecordMilestoneProgress(commitment.Milestones.Single(), MilestoneStatus.Complete, evidence, PortalRole.PointOfContact))
            .Message.ShouldContain("http:// or https://");
        commitment.Milestones.Single().Status.ShouldBe(MilestoneStatus.NotStarted);
    }

    [Fact]
    public void UpdateText_EndingBeforeItStarts_IsRefused()
    {
        var commitment = Plans.DraftWithCommitments(1).Commitments.Single();
        var text = Plans.Text("Backwards") with { StartDate = new DateOnly(2028, 1, 1), EndDate = new DateOnly(2027, 1, 1) };

        Should.Throw<DomainRuleException>(() => commitment.UpdateText(text)).Message.ShouldContain("end on or after its start");
    }

    [Fact]
    public void UpdateText_WithTechnologyAlone_IsRefused()
    {
        var commitment = Plans.DraftWithCommitments(1).Commitments.Single();

        Should.Throw<DomainRuleException>(() => commitment.UpdateText(Plans.Text("Tech only") with { Values = OgpValues.TechnologyAndInnovation }))
            .Message.ShouldContain("Technology and innovation counts only alongside");
    }

    [Fact]
    public void UpdateText_WithoutLeadInstitution_IsRefused()
    {
        var commitment = Plans.DraftWithCommitments(1).Commitments.Single();

        Should.Throw<DomainRuleException>(() => commitment.UpdateText(Plans.Text("No lead") with { LeadInstitution = "" }))
            .Message.ShouldBe("The lead institution is required.");
    }

    [Fact]
    public void MilestoneProgress_IsReportedOnlyOncePublished()
    {
        var draft = Plans.DraftWithCommitments(1).Commitments.Single();
        Should.Throw<DomainRuleException>(() => draft.RecordMilestoneProgress(draft.Milestones.Single(), MilestoneStatus.Complete, null, PortalRole.PointOfContact));

        var published = Plans.Published(1, Now).Commitments.Single();
        published.RecordMilestoneProgress(published.Milestones.Single(), MilestoneStatus.Complete, " https://example.org/evidence ", PortalRole.PointOfContact);

        published.Milestones.Single().Status.ShouldBe(MilestoneStatus.Complete);
        published.Milestones.Single().EvidenceUrl.ShouldBe("https://example.org/evidence");
    }

    [Fact]
    public void AddMilestone_AfterPublication_IsRefused()
    {
        var commitment = Plans.Published(1, Now).Commitments.Single();

        Should.Throw<DomainRuleException>(() => commitment.AddMilestone("Late milestone", new DateOnly(2028, 1, 1)));
        commitment.Milestones.Count.ShouldBe(1);
    }
}

public sealed class IdentifierAndPeriodTests
{
    [Theory]
    [InlineData("NO0090", true)]
    [InlineData("BUE0009", true)]
    [InlineData("AL0002", true)]
    [InlineData("no0090", false)]
    [InlineData("NO90", false)]
    [InlineData("NORWA0001", false)]
    [InlineData("", false)]
    public void CommitmentIdentifier_FollowsOgpsPattern(string identifier, bool valid) =>
        CommitmentIdentifier.IsValid(identifier).ShouldBe(valid);

    [Fact]
    public void CommitmentIdentifier_IsTheMemberCodeAndFourDigits()
    {
        CommitmentIdentifier.Create("NO", 90).ShouldBe("NO0090");
        CommitmentIdentifier.NumberOf("BUE0009").ShouldBe(9);
        CommitmentIdentifier.BelongsTo("NO0090", "NO").ShouldBeTrue();
        CommitmentIdentifier.BelongsTo("NO0090", "N").ShouldBeFalse();
        Should.Throw<ArgumentOutOfRangeException>(() => CommitmentIdentifier.Create("NO", 10_000));
    }

    [Theory]
    [InlineData("NO", true)]
    [InlineData("BUE", true)]
    [InlineData("ELGM", true)]
    [InlineData("N", false)]
    [InlineData("no", false)]
    [InlineData("NORWA", false)]
    public void MemberCode_IsTwoToFourCapitals(string code, bool valid) =>
        Domain.Members.Member.IsValidCode(code).ShouldBe(valid);

    [Theory]
    [InlineData("2017-07-01", "2019-06-30", 24)]
    [InlineData("2023-01-01", "2026-12-31", 48)]
    [InlineData("2023-01-15", "2024-09-14", 20)]
    [InlineData("2023-01-15", "2024-09-13", 19)]
    [InlineData("2024-02-29", "2025-02-27", 11)]
    public void PlanPeriod_CountsWholeMonthsIncludingBothEnds(string start, string end, int months)
    {
        var from = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var to = DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture);

        PlanPeriod.Months(from, to).ShouldBe(months);
        OgpPortal.Domain.Members.PlanDeadlines.IsShortImplementation(from, to, publishedOn: null).ShouldBe(months < 20);
    }
}

public sealed class ProgressTests
{
    [Fact]
    public void CommitmentProgress_IsTheWeightedShareOfCompleteMilestones()
    {
        var plan = Plans.DraftWithCommitments(1);
        var commitment = plan.Commitments.Single();
        var heavy = commitment.AddMilestone("Heavier step", new DateOnly(2028, 6, 30), weight: 3);
        plan.Submit(PortalRole.PointOfContact, new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc));
        commitment.Accept(PortalRole.SupportUnit);
        plan.Publish(PortalRole.SupportUnit, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        commitment.ProgressPercent.ShouldBe(0);

        commitment.RecordMilestoneProgress(heavy, MilestoneStatus.Complete, null, PortalRole.PointOfContact);

        commitment.ProgressPercent.ShouldBe(75);
        Progress.Percent(1, 3).ShouldBe(33);
        Progress.Percent(2, 3).ShouldBe(67);
        Progress.Percent(0, 0).ShouldBe(0);
    }

    [Fact]
    public void PlanProgress_IsTheMeanOfItsCommitments()
    {
        Progress.OfPlan([100, 50, 0]).ShouldBe(50);
        Progress.OfPlan([67, 100]).ShouldBe(84);
        Progress.OfPlan([]).ShouldBe(0);
    }

    [Fact]
    public void CompletingMilestones_MovesTheCommitmentsProgress()
    {
        var plan = Plans.Published(1, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        var commitment = plan.Commitments.Single();

        commitment.RecordMilestoneProgress(commitment.Milestones.Single(), MilestoneStatus.Complete, null, PortalRole.PointOfContact);

        commitment.ProgressPercent.ShouldBe(100);
    }

    [Fact]
    public void MilestoneWeight_BelowOne_IsRefused() =>
        Should.Throw<DomainRuleException>(() => Plans.DraftWithCommitments(1).Commitments.Single().AddMilestone("x", new DateOnly(2027, 2, 1), weight: 0));

    [Fact]
    public void ProgressNote_IsReportedOnlyOncePublished()
    {
        var draft = Plans.DraftWithCommitments(1).Commitments.Single();
        Should.Throw<DomainRuleException>(() => draft.AddProgressNote(new DateOnly(2027, 3, 1), "Started", CompletionLevel.Limited, PortalRole.PointOfContact));

        var published = Plans.Published(1, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc)).Commitments.Single();
        var note = published.AddProgressNote(new DateOnly(2027, 3, 1), "Started", CompletionLevel.Limited, PortalRole.PointOfContact);

        published.ProgressNotes.ShouldBe([note]);
        Should.Throw<DomainRuleException>(() => published.AddProgressNote(new DateOnly(2027, 3, 1), " ", CompletionLevel.Limited, PortalRole.PointOfContact));
    }
}
