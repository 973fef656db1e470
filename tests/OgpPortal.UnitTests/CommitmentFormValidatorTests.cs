using OgpPortal.Web.Areas.Poc.Commitments;

namespace OgpPortal.UnitTests;

public sealed class CommitmentFormValidatorTests
{
    private static CommitmentForm Valid() => new()
    {
        Title = "Open register of lobbyists",
        LeadInstitution = "Ministry",
        StartDate = new DateOnly(2027, 2, 1),
        EndDate = new DateOnly(2028, 6, 30),
        PlanStart = new DateOnly(2027, 1, 1),
        PlanEnd = new DateOnly(2028, 12, 31),
        Milestones = [new MilestoneInput { Title = "Draft the rules", DueDate = new DateOnly(2027, 9, 30) }, new MilestoneInput()],
    };

    [Fact]
    public void ValidForm_WithASpareBlankRow_Passes() =>
        new CommitmentFormValidator().Validate(Valid()).IsValid.ShouldBeTrue();

    [Fact]
    public void MilestoneDueOutsideThePlan_IsReportedOnThatRowsDueDate()
    {
        var form = Valid();
        form.Milestones[0].DueDate = new DateOnly(2030, 1, 1);

        var result = new CommitmentFormValidator().Validate(form);

        result.Errors.Select(e => e.PropertyName).ShouldBe(["Milestones[0].DueDate"]);
    }

    [Fact]
    public void NoMilestones_IsReportedOnce()
    {
        var form = Valid();
        form.Milestones = [new MilestoneInput()];

        var result = new CommitmentFormValidator().Validate(form);

        result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ShouldBe([("Milestones", "Add at least one milestone, with its due date.")]);
    }

    [Fact]
    public void UnknownChallengeAreaOrPolicyArea_IsRefused()
    {
        var form = Valid();
        form.ChallengeArea = (OgpPortal.Domain.Commitments.ChallengeArea)999;
        form.PolicyAreaIds = [123_456];

        var result = new CommitmentFormValidator().Validate(form);

        result.Errors.Select(e => e.ErrorMessage).ShouldBe(["Choose a Challenge area from the list.", "Choose policy areas from the list."], ignoreOrder: true);
    }
}
