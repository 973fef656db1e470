using OgpPortal.Domain.Access;
using OgpPortal.Domain.Challenge;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Members;

namespace OgpPortal.UnitTests;

public sealed class ChallengeRuleTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    private static ChallengeEntryText Text(Commitment? commitment = null, Participation participation = Participation.StandaloneCommitment, string lead = "Ministry of Justice", GovernmentLevel level = GovernmentLevel.National, string? locality = null) =>
        new("Open register of civil-society organisations", "A public register", ChallengeArea.CivicSpace, participation, commitment, level, locality, lead, OgpValues.CivicParticipation);

    private static ChallengeEntry Entry(params DateOnly[] dues) =>
        ChallengeEntry.Draft(Plans.Norway(), Text(), dues.Select((d, i) => ($"Milestone {i + 1}", d)));

    [Fact]
    public void Submit_WithOnlyPastMilestones_IsRefused_TodayIsEnough()
    {
        var past = Entry(new DateOnly(2025, 1, 1));
        Should.Throw<DomainRuleException>(() => past.Submit(PortalRole.PointOfContact, Now))
            .Message.ShouldBe("The Challenge is for ongoing or planned reforms: give at least one milestone due today or later.");
        past.Status.ShouldBe(ChallengeEntryStatus.Draft);

        var today = Entry(new DateOnly(2025, 1, 1), new DateOnly(2026, 11, 23));
        today.Submit(PortalRole.PointOfContact, Now);
        today.Status.ShouldBe(ChallengeEntryStatus.Submitted);
    }

    [Fact]
    public void LeadInstitution_IsRequired() =>
        Should.Throw<DomainRuleException>(() => ChallengeEntry.Draft(Plans.Norway(), Text(lead: " "), [("M", new DateOnly(2027, 1, 1))]))
            .Message.ShouldStartWith("The lead public institution");

    [Fact]
    public void LinkedCommitment_MustBeTheMembers()
    {
        var kenya = new Member { Id = 2, Name = "Kenya", Code = "KE" };
        var norwegian = Plans.DraftWithCommitments(1).Commitments.Single();

        Should.Throw<DomainRuleException>(() => ChallengeEntry.Draft(kenya, Text(norwegian, Participation.ActionPlanCommitment), [("M", new DateOnly(2027, 1, 1))]))
            .Message.ShouldBe("NO0001 is a commitment of another member; link one of Kenya's.");
        ChallengeEntry.Draft(Plans.Norway(), Text(norwegian, Participation.ActionPlanCommitment), [("M", new DateOnly(2027, 1, 1))]).Commitment.ShouldBe(norwegian);
    }

    [Fact]
    public void LocalNonMember_NeedsTheLocalitysName() =>
        Should.Throw<DomainRuleException>(() => ChallengeEntry.Draft(Plans.Norway(), Text(level: GovernmentLevel.LocalNonMember), [("M", new DateOnly(2027, 1, 1))]))
            .Message.ShouldBe("Name the locality of a local government that is not an OGP member.");

    [Fact]
    public void Workflow_AcceptThenPromising_ByTheSupportUnitOnly()
    {
        var entry = Entry(new DateOnly(2027, 6, 30));
        Should.Throw<DomainRuleException>(() => entry.FlagPromising(PortalRole.SupportUnit, "Bold")).Message.ShouldBe("Only an accepted entry can be flagged as promising.");
        entry.Submit(PortalRole.PointOfContact, Now);
        Should.Throw<DomainRuleException>(() => entry.Accept(PortalRole.PointOfContact, Now));

        entry.Accept(PortalRole.SupportUnit, Now);
        entry.FlagPromising(PortalRole.SupportUnit, "First register of its kind in the region.");

        (entry.Status, entry.Promising, entry.PromisingReason).ShouldBe((ChallengeEntryStatus.Accepted, true, "First register of its kind in the region."));
        Should.Throw<DomainRuleException>(() => entry.Update(Text(), [("M", new DateOnly(2027, 1, 1))]));
    }

    [Fact]
    public void Return_NeedsAReason_AndReopensTheEntryForEditing()
    {
        var entry = Entry(new DateOnly(2027, 6, 30));
        entry.Submit(PortalRole.PointOfContact, Now);

        Should.Throw<DomainRuleException>(() => entry.Return(PortalRole.SupportUnit, ""));
        entry.Return(PortalRole.SupportUnit, "Name the ministry leading it.");

        (entry.Status, entry.IsEditable, entry.ReturnReason).ShouldBe((ChallengeEntryStatus.Returned, true, "Name the ministry leading it."));
    }
}
