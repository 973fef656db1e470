using OgpPortal.Domain.Access;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Irm;

namespace OgpPortal.UnitTests;

public sealed class StarredRuleTests
{
    [Theory]
    [InlineData(Specificity.High, OgpValues.AccessToInformation, PotentialImpact.Transformative, LegacyCompletion.Complete, true)]
    [InlineData(Specificity.Medium, OgpValues.CivicParticipation, PotentialImpact.Moderate, LegacyCompletion.Substantial, true)]
    [InlineData(Specificity.Low, OgpValues.AccessToInformation, PotentialImpact.Transformative, LegacyCompletion.Complete, false)]
    [InlineData(Specificity.High, OgpValues.None, PotentialImpact.Transformative, LegacyCompletion.Complete, false)]
    [InlineData(Specificity.High, OgpValues.AccessToInformation, PotentialImpact.Minor, LegacyCompletion.Complete, false)]
    [InlineData(Specificity.High, OgpValues.AccessToInformation, PotentialImpact.Moderate, LegacyCompletion.Limited, false)]
    public void Starred_NeedsSpecificityRelevanceImpactAndCompletion(Specificity specificity, OgpValues relevance, PotentialImpact impact, LegacyCompletion completion, bool starred) =>
        Starred.Rule(specificity, relevance, impact, completion).ShouldBe(starred);

    [Fact]
    public void Starred_UsesTheEndOfTermCompletion_ElseTheProgressReports()
    {
        LegacyAssessment.For(1, Specificity.High, OgpValues.AccessToInformation, PotentialImpact.Moderate, LegacyCompletion.Substantial, null, null).IsStarred.ShouldBeTrue();
        LegacyAssessment.For(1, Specificity.High, OgpValues.AccessToInformation, PotentialImpact.Moderate, LegacyCompletion.Substantial, LegacyCompletion.Limited, null).IsStarred.ShouldBeFalse();
        LegacyAssessment.For(1, null, OgpValues.AccessToInformation, PotentialImpact.Moderate, null, LegacyCompletion.Complete, null).IsStarred.ShouldBeFalse();
    }
}

public sealed class IrmReportTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    private static (IrmReport Report, Commitment First, Commitment Second) Review()
    {
        var plan = Plans.Submitted(2);
        var (first, second) = (plan.Commitments.First(), plan.Commitments.Last());
        first.Id = 1;
        second.Id = 2;
        return (IrmReport.Start(plan, ReportType.ActionPlanReview), first, second);
    }

    [Fact]
    public void NotVerifiable_GetsNoFurtherAssessment()
    {
        var (report, first, _) = Review();

        var assessment = report.Assess(first, new AssessmentValues(Verifiable: false, Relevance: OgpValues.AccessToInformation, Potential: PotentialForResults.Substantial, Promising: true, PromisingReason: "Bold"));

        assessment.Verifiable.ShouldBe(false);
        (assessment.Relevance, assessment.Potential, assessment.Promising, assessment.PromisingReason).ShouldBe((OgpValues.None, (PotentialForResults?)null, false, (string?)null));
    }

    [Theory]
    [InlineData(null, OgpValues.AccessToInformation, PotentialForResults.Modest, false, null, "Say whether the commitment is verifiable.")]
    [InlineData(true, OgpValues.TechnologyAndInnovation, PotentialForResults.Modest, false, null, "Technology and innovation counts only alongside access to information, civic participation or public accountability.")]
    [InlineData(true, OgpValues.AccessToInformation, null, false, null, "Choose the potential for results.")]
    [InlineData(true, OgpValues.AccessToInformation, PotentialForResults.Substantial, true, " ", "Say why the commitment is promising.")]
    [InlineData(true, OgpValues.AccessToInformation, (PotentialForResults)7, false, null, "A value is outside its indicator's scale.")]
    public void ActionPlanReview_RefusesIncompleteOrOutOfScaleValues(bool? verifiable, OgpValues relevance, PotentialForResults? potential, bool promising, string? reason, string message)
    {
        var (report, first, _) = Review();

        Should.Throw<DomainRuleException>(() => report.Assess(first, new AssessmentValues(verifiable, relevance, potential, promising, reason)))
            .Message.ShouldBe(message);
        report.Assessments.ShouldBeEmpty();
    }

    [Fact]
    public void MidtermReview_OnATwoYearPlan_IsRefused() =>
        Should.Throw<DomainRuleException>(() => IrmReport.Start(Plans.Submitted(1), ReportType.MidtermReview))
            .Message.ShouldBe("A Midterm Review is written for four-year plans only; this plan runs for two years.");

    [Fact]
    public void ResultsReport_OnAnUnpublishedPlan_IsRefused()
    {
        Should.Throw<DomainRuleException>(() => IrmReport.Start(Plans.Submitted(1), ReportType.ResultsReport))
            .Message.ShouldBe("A Results Report assesses implementation, so its plan must be published or closed; this plan is Submitted.");
        IrmReport.Start(Plans.Published(1, Now), ReportType.ResultsReport).Status.ShouldBe(ReportStatus.Draft);
    }

    [Fact]
    public void Lifecycle_DraftToPrePublicationToPublished_WithCommentsAnswered()
    {
        var (report, first, second) = Review();
        Should.Throw<DomainRuleException>(() => report.OpenForComment(PortalRole.IrmResearcher)).Message.ShouldBe("Assess at least one commitment before opening the report for comment.");
        report.Assess(first, new AssessmentValues(true, OgpValues.AccessToInformation, PotentialForResults.Substantial, true, "Opens beneficial ownership data"));
        report.Assess(second, new AssessmentValues(false));
        report.UpdateText("A strong plan.", "Two promising commitments.", null);

        report.OpenForComment(PortalRole.IrmResearcher);
        report.Comment(PortalRole.PointOfContact, "Ingrid Berg", "Milestone 2 was moved to 2027.", Now);
        Should.Throw<DomainRuleException>(() => report.Publish(PortalRole.IrmResearcher, new DateOnly(2026, 12, 1))).Message.ShouldBe("Answer the open comment before publishing.");
        report.Assess(first, new AssessmentValues(true, OgpValues.AccessToInformation, PotentialForResults.Modest)).Potential.ShouldBe(PotentialForResults.Modest, "the researcher revises in pre-publication");
        report.Answer(PortalRole.IrmResearcher, report.Comments.Single().Id, "Noted in the text.", Now);
        report.Publish(PortalRole.IrmResearcher, new DateOnly(2026, 12, 1));

        (report.Status, report.Revision, report.PublishedOn).ShouldBe((ReportStatus.Published, 1, (DateOnly?)new DateOnly(2026, 12, 1)));
        Should.Throw<DomainRuleException>(() => report.UpdateText("Changed", null, null)).Message.ShouldStartWith("A published report is read-only");
        Should.Throw<DomainRuleException>(() => report.Assess(first, new AssessmentValues(false))).Message.ShouldStartWith("A published report is read-only");
        Should.Throw<DomainRuleException>(() => report.Comment(PortalRole.SupportUnit, "Sofia", "Late comment", Now));
    }

    [Fact]
    public void Correction_ByTheSupportUnit_IsANewRevisionWithItsReason()
    {
        var (report, first, second) = Review();
        report.Assess(first, new AssessmentValues(false));
        report.Assess(second, new AssessmentValues(false));
        report.UpdateText("Summary", null, null);
        report.OpenForComment(PortalRole.IrmResearcher);
        report.Publish(PortalRole.IrmResearcher, new DateOnly(2026, 12, 1));

        Should.Throw<DomainRuleException>(() => report.Correct(PortalRole.IrmResearcher, "x", null, null, "typo"));
        report.Correct(PortalRole.SupportUnit, "Summary, corrected", null, null, "Wrong ministry named");

        (report.Revision, report.Summary, report.CorrectionNote).ShouldBe((2, "Summary, corrected", "Wrong ministry named"));
    }

    [Fact]
    public void PrePublication_CanGoBackToDraft_ByTheResearcherOnly()
    {
        var (report, first, second) = Review();
        report.Assess(first, new AssessmentValues(false));
        report.Assess(second, new AssessmentValues(false));
        report.OpenForComment(PortalRole.IrmResearcher);

        Should.Throw<DomainRuleException>(() => report.ReturnToDraft(PortalRole.SupportUnit));
        report.ReturnToDraft(PortalRole.IrmResearcher);

        report.Status.ShouldBe(ReportStatus.Draft);
        Should.Throw<DomainRuleException>(() => report.Publish(PortalRole.IrmResearcher, new DateOnly(2026, 12, 1)))
            .Message.ShouldBe("Only a report in Pre-publication can be published; this report is Draft.");
    }

    [Fact]
    public void Comments_ComeFromPointsOfContactAndTheSupportUnit_NotResearchers()
    {
        var (report, first, second) = Review();
        report.Assess(first, new AssessmentValues(false));
        report.Assess(second, new AssessmentValues(false));
        report.OpenForComment(PortalRole.IrmResearcher);

        Should.Throw<DomainRuleException>(() => report.Comment(PortalRole.IrmResearcher, "Researcher", "Self-comment", Now));
        report.Comment(PortalRole.SupportUnit, "Sofia", "Please cite the 2025 law.", Now).AuthorRole.ShouldBe(PortalRole.SupportUnit);
    }

    [Fact]
    public void OpeningForCommentOrPublishing_WithCommitmentsNotAssessed_IsRefusedWithTheirList_OrTakesAReason()
    {
        var (report, first, second) = Review();
        report.Assess(first, new AssessmentValues(false));
        report.UpdateText("Summary", null, null);

        Should.Throw<DomainRuleException>(() => report.OpenForComment(PortalRole.IrmResearcher))
            .Message.ShouldBe($"Assess every commitment before opening the report for comment, or say why the report leaves some out. Not assessed: {second.Identifier}.");
        report.Status.ShouldBe(ReportStatus.Draft);

        report.OpenForComment(PortalRole.IrmResearcher, " The government withdrew it in 2027. ");
        report.Publish(PortalRole.IrmResearcher, new DateOnly(2026, 12, 1));

        (report.Status, report.LeftOutReason).ShouldBe((ReportStatus.Published, "The government withdrew it in 2027."));
    }

    [Fact]
    public void AssessmentValues_ReportEveryProblemAtOnce_EachNamingItsValue()
    {
        var problems = new AssessmentValues(true, OgpValues.TechnologyAndInnovation, null, true, null, Narrative: new string('x', AssessmentValues.TextLimit + 1)).Problems(ReportType.ActionPlanReview);

        problems.Select(p => p.Field).ShouldBe(["Narrative", "Relevance", "Potential", "PromisingReason"], ignoreOrder: true);
        new AssessmentValues().Problems(ReportType.ResultsReport).Select(p => p.Field).ShouldBe(["Completion", "EarlyResults"]);
    }

    [Fact]
    public void TheWrittenAnalysis_IsKeptInEveryReportType_EvenForACommitmentThatIsNotVerifiable()
    {
        var (report, first, _) = Review();

        report.Assess(first, new AssessmentValues(false, Narrative: " The milestones name no measurable result. ")).Narrative.ShouldBe("The milestones name no measurable result.");
    }
}
