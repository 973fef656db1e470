using OgpPortal.Domain.Access;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Consultations;
using OgpPortal.Domain.Members;

namespace OgpPortal.UnitTests;

public sealed class ActionPlanWorkflowTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
    private const PortalRole Poc = PortalRole.PointOfContact;
    private const PortalRole SupportUnit = PortalRole.SupportUnit;

    [Fact]
    public void NewPlan_StartsInDraft()
    {
        var plan = Plans.Draft();

        plan.Status.ShouldBe(ActionPlanStatus.Draft);
        plan.IsTextEditable.ShouldBeTrue();
        plan.IsPublic.ShouldBeFalse();
    }

    [Fact]
    public void Submit_WithCommitmentsAndMilestones_SubmitsEveryCommitment()
    {
        var plan = Plans.DraftWithCommitments(2);

        plan.Submit(Poc, Now);

        plan.Status.ShouldBe(ActionPlanStatus.Submitted);
        plan.SubmittedAt.ShouldBe(Now);
        plan.Commitments.ShouldAllBe(c => c.ReviewStatus == CommitmentReviewStatus.Submitted);
        plan.IsTextEditable.ShouldBeFalse();
    }

    [Fact]
    public void Submit_WithoutCommitments_IsRefused()
    {
        var plan = Plans.Draft();

        var error = Should.Throw<DomainRuleException>(() => plan.Submit(Poc, Now));

        error.Message.ShouldBe("An action plan needs at least one commitment before it is submitted.");
        plan.Status.ShouldBe(ActionPlanStatus.Draft);
    }

    [Fact]
    public void Submit_WithACommitmentWithoutMilestones_NamesItAndChangesNothing()
    {
        var plan = Plans.DraftWithCommitments(1);
        plan.AddCommitment("NO0002", Plans.Text("No milestones yet"));

        var error = Should.Throw<DomainRuleException>(() => plan.Submit(Poc, Now));

        error.Message.ShouldContain("NO0002");
        plan.Status.ShouldBe(ActionPlanStatus.Draft);
        plan.Commitments.ShouldAllBe(c => c.ReviewStatus == CommitmentReviewStatus.Draft);
    }

    [Fact]
    public void Submit_BySupportUnit_IsRefused()
    {
        var plan = Plans.DraftWithCommitments(1);

        var error = Should.Throw<DomainRuleException>(() => plan.Submit(SupportUnit, Now));

        error.Message.ShouldBe("Only a point of contact may submit an action plan.");
    }

    [Fact]
    public void Consultation_OpensAndClosesBackToDraft_AndTheTextStaysEditable()
    {
        var plan = Plans.DraftWithCommitments(1);

        plan.OpenConsultation(Poc);
        plan.Status.ShouldBe(ActionPlanStatus.InConsultation);
        plan.IsTextEditable.ShouldBeTrue();
        plan.CloseConsultation(Poc);

        plan.Status.ShouldBe(ActionPlanStatus.Draft);
    }

    [Fact]
    public void ConsultationRecord_FollowsEditsWhileOpen_AndKeepsWhatWasConsultedAfterTheClosingDay()
    {
        var plan = Plans.DraftWithCommitments(2);
        var first = plan.Commitments.First();
        var consultation = Consultation.Open(plan, Poc, new DateOnly(2026, 12, 15), "Lobbying", [first], Now);
        var whileOpen = new DateOnly(2026, 12, 15);

        first.UpdateText(Plans.Text("Revised while open"));
        consultation.CommitmentChanged(first, whileOpen);
        first.UpdateText(Plans.Text("Revised after the closing day"));
        consultation.CommitmentChanged(first, whileOpen.AddDays(1));
        consultation.CommitmentRemoved(first, whileOpen.AddDays(1));

        var record = consultation.Consulted.ShouldHaveSingleItem();
        record.Title.ShouldBe("Revised while open");
        record.Milestones.ShouldHaveSingleItem().Title.ShouldBe("First milestone");
    }

    [Fact]
    public void Submit_FromConsultation_IsAllowed()
    {
        var plan = Plans.DraftWithCommitments(1);
        plan.OpenConsultation(Poc);

        plan.Submit(Poc, Now);

        plan.Status.ShouldBe(ActionPlanStatus.Submitted);
    }

    [Fact]
    public void ReturnToDraft_NeedsAReason()
    {
        var plan = Plans.Submitted(1);

        var error = Should.Throw<DomainRuleException>(() => plan.ReturnToDraft(SupportUnit, "  "));

        error.Message.ShouldBe("A reason for returning the plan is required.");
        plan.Status.ShouldBe(ActionPlanStatus.Submitted);
    }

    [Fact]
    public void ReturnToDraft_WithAReason_ReopensThePlanAndKeepsTheReason()
    {
        var plan = Plans.Submitted(2);

        plan.ReturnToDraft(SupportUnit, "Milestones need dates that fit the plan period.");

        plan.Status.ShouldBe(ActionPlanStatus.Draft);
        plan.ReturnReason.ShouldBe("Milestones need dates that fit the plan period.");
        plan.Commitments.ShouldAllBe(c => c.ReviewStatus == CommitmentReviewStatus.Draft);
        plan.Submit(Poc, Now);
        plan.ReturnReason.ShouldBeNull();
    }

    [Fact]
    public void Publish_BeforeEveryCommitmentIsAccepted_ListsTheOnesMissing()
    {
        var plan = Plans.Submitted(2);
        plan.Commitments.First().Accept(SupportUnit);

        var error = Should.Throw<DomainRuleException>(() => plan.Publish(SupportUnit, Now));

        error.Message.ShouldContain("NO0002");
        error.Message.ShouldNotContain("NO0001");
        plan.Status.ShouldBe(ActionPlanStatus.Submitted);
    }

    [Fact]
    public void Publish_WhenAllAccepted_MakesThePlanPublicAndFreezesTheText()
    {
        var plan = Plans.Published(2, Now);

        plan.Status.ShouldBe(ActionPlanStatus.Published);
        plan.PublishedAt.ShouldBe(Now);
        plan.IsPublic.ShouldBeTrue();
        var commitment = plan.Commitments.First();
        Should.Throw<DomainRuleException>(() => commitment.UpdateText(Plans.Text("Changed after publication")))
            .Message.ShouldContain("frozen once the plan is published");
    }

    [Fact]
    public void Publish_ByPointOfContact_IsRefused()
    {
        var plan = Plans.Submitted(1);
        plan.Commitments.Single().Accept(SupportUnit);

        Should.Throw<DomainRuleException>(() => plan.Publish(Poc, Now)).Message.ShouldBe("Only the Support Unit may publish an action plan.");
    }

    [Fact]
    public void Publish_ADraft_IsRefusedWithTheStatusNamed()
    {
        var plan = Plans.DraftWithCommitments(1);

        Should.Throw<DomainRuleException>(() => plan.Publish(SupportUnit, Now)).Message.ShouldBe("An action plan that is Draft cannot become Published.");
    }

    [Fact]
    public void Close_BeforeTheEndOfThePeriod_IsRefused()
    {
        var plan = Plans.Published(1, Now);

        Should.Throw<DomainRuleException>(() => plan.Close(SupportUnit, plan.PeriodEnd.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));

        plan.Status.ShouldBe(ActionPlanStatus.Published);
    }

    [Fact]
    public void Close_OnTheLastDayOfThePeriod_ClosesThePlan()
    {
        var plan = Plans.Published(1, Now);
        var lastDay = plan.PeriodEnd.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc);

        plan.Close(SupportUnit, lastDay);

        plan.Status.ShouldBe(ActionPlanStatus.Closed);
        plan.ClosedAt.ShouldBe(lastDay);
        plan.IsPublic.ShouldBeTrue();
    }

    [Fact]
    public void ClosedPlan_CannotGoBack()
    {
        var plan = Plans.Published(1, Now);
        plan.Close(SupportUnit, plan.PeriodEnd.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

        Should.Throw<DomainRuleException>(() => plan.OpenConsultation(Poc)).Message.ShouldBe("An action plan that is Closed cannot become In consultation.");
    }

    [Fact]
    public void Workflow_HasExactlyTheDocumentedTransitions()
    {
        ActionPlan.Workflow.Keys.ShouldBe(
            [
                (ActionPlanStatus.Draft, ActionPlanStatus.InConsultation),
                (ActionPlanStatus.InConsultation, ActionPlanStatus.Draft),
                (ActionPlanStatus.Draft, ActionPlanStatus.Submitted),
                (ActionPlanStatus.InConsultation, ActionPlanStatus.Submitted),
                (ActionPlanStatus.Submitted, ActionPlanStatus.Draft),
                (ActionPlanStatus.Submitted, ActionPlanStatus.Published),
                (ActionPlanStatus.Published, ActionPlanStatus.Closed),
            ],
            ignoreOrder: true);
    }

    [Theory]
    [InlineData("2017-07-01", "2019-06-30")]
    [InlineData("2023-01-01", "2026-12-31")]
    [InlineData("2023-01-01", "2024-08-31")]
    [InlineData("2023-01-01", "2026-08-31")]
    public void CreateDraft_AcceptsTwoAndFourYearPeriods(string start, string end)
    {
        var plan = ActionPlan.CreateDraft(Plans.Norway(), 5, "Plan", DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));

        plan.DurationYears.ShouldBeOneOf(2, 4);
    }

    [Theory]
    [InlineData("2023-01-01", "2023-12-31", "this period is 12 months")]
    [InlineData("2023-01-01", "2024-06-30", "this period is 18 months")]
    [InlineData("2023-01-01", "2024-07-31", "this period is 19 months")]
    [InlineData("2023-01-01", "2025-01-31", "this period is 25 months")]
    [InlineData("2023-01-01", "2025-05-31", "this period is 29 months")]
    [InlineData("2023-01-01", "2026-06-30", "this period is 42 months")]
    [InlineData("2023-01-01", "2027-01-31", "this period is 49 months")]
    [InlineData("2023-01-01", "2022-12-31", "must end after it starts")]
    [InlineData("0001-01-01", "0002-12-31", "between 2000 and 2100")]
    [InlineData("2099-01-01", "9999-12-31", "between 2000 and 2100")]
    public void CreateDraft_RefusesOtherPeriods(string start, string end, string message)
    {
        var error = Should.Throw<DomainRuleException>(() => ActionPlan.CreateDraft(Plans.Norway(), 5, "Plan", DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));

        error.Message.ShouldContain(message);
    }

    [Fact]
    public void ChangeDetails_InDraft_ChangesThemButKeepsCommitmentsInsideThePeriod()
    {
        var plan = Plans.DraftWithCommitments(1);

        Should.Throw<DomainRuleException>(() => plan.ChangeDetails(5, "Shorter plan", new DateOnly(2027, 7, 1), new DateOnly(2029, 6, 30), null))
            .Message.ShouldContain("NO0001");
        plan.ChangeDetails(6, "Renamed plan", new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31), "Co-created with the forum.");

        plan.Number.ShouldBe(6);
        plan.Title.ShouldBe("Renamed plan");
        plan.CoCreationSummary.ShouldBe("Co-created with the forum.");
    }

    [Fact]
    public void ChangeDetails_AfterSubmission_IsRefused() =>
        Should.Throw<DomainRuleException>(() => Plans.Submitted(1).ChangeDetails(5, "Late edit", new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31), null))
            .Message.ShouldContain("this plan is Submitted");

    [Fact]
    public void CreateDraft_WithoutTitle_IsRefused()
    {
        Should.Throw<DomainRuleException>(() => ActionPlan.CreateDraft(Plans.Norway(), 5, " ", new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31)))
            .Message.ShouldBe("The plan title is required.");
    }

    [Fact]
    public void AddCommitment_WithAnotherMembersIdentifier_IsRefused()
    {
        var plan = Plans.Draft();

        Should.Throw<DomainRuleException>(() => plan.AddCommitment("KE0001", Plans.Text("Kenyan identifier")))
            .Message.ShouldContain("does not belong to Norway");
    }

    [Fact]
    public void AddCommitment_ToASubmittedPlan_IsRefused()
    {
        var plan = Plans.Submitted(1);

        Should.Throw<DomainRuleException>(() => plan.AddCommitment("NO0009", Plans.Text("Late addition")))
            .Message.ShouldContain("this plan is Submitted");
    }
}

/// <summary>Builds plans in each state through the real workflow.</summary>
internal static class Plans
{
    public static Member Norway() => new() { Id = 1, Name = "Norway", Code = "NO", Kind = MemberKind.National, Region = Region.Europe, JoinedYear = 2011 };

    public static ActionPlan Draft() => ActionPlan.CreateDraft(Norway(), 5, "Norway's fifth action plan", new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31));

    public static CommitmentText Text(string title) =>
        new(title, null, "The problem", "What we will do", "How it helps", "Norwegian Digitalisation Agency", null, new DateOnly(2027, 1, 1), new DateOnly(2028, 6, 30), OgpValues.AccessToInformation);

    public static ActionPlan DraftWithCommitments(int count)
    {
        var plan = Draft();
        for (var i = 1; i <= count; i++)
        {
            plan.AddCommitment(CommitmentIdentifier.Create("NO", i), Text($"Commitment {i}")).AddMilestone("First milestone", new DateOnly(2027, 6, 30));
        }

        return plan;
    }

    public static ActionPlan Submitted(int count)
    {
        var plan = DraftWithCommitments(count);
        plan.Submit(PortalRole.PointOfContact, new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc));
        return plan;
    }

    public static ActionPlan Published(int count, DateTime at)
    {
        var plan = Submitted(count);
        foreach (var commitment in plan.Commitments)
        {
            commitment.Accept(PortalRole.SupportUnit);
        }

        plan.Publish(PortalRole.SupportUnit, at);
        return plan;
    }
}
