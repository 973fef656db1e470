using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Consultations;
using OgpPortal.Domain.Contributions;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Persistence;
using static OgpPortal.Domain.Commitments.OgpValues;

namespace OgpPortal.Infrastructure.Seeding;

/// <summary>
/// Fills an empty Development database with realistic OGP data and the demo accounts. Plans move through
/// the same domain workflow as real ones (submit, accept, publish, report progress, close), so the demo
/// data obeys every rule the portal enforces. Never runs outside Development.
/// </summary>
public sealed partial class DemoDataSeeder(PortalDbContext db, AccountCreator accounts, IConfiguration configuration, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    public const string PasswordKey = "Seed:DemoPassword";

    private static readonly MemberSeed[] MemberSeeds =
    [
        new("Norway", "NO", MemberKind.National, Region.Europe, "Norway", 2011, "https://www.regjeringen.no/en/topics/the-economy/open-government-partnership/", Cohort.OddYears),
        new("Denmark", "DK", MemberKind.National, Region.Europe, "Denmark", 2011, "https://digst.dk/", Cohort.OddYears),
        new("Kenya", "KE", MemberKind.National, Region.AfricaAndTheMiddleEast, "Kenya", 2011, "https://www.opengovernment.go.ke/", Cohort.EvenYears),
        new("Spain", "ES", MemberKind.National, Region.Europe, "Spain", 2011, "https://transparencia.gob.es/", Cohort.EvenYears),
        new("Armenia", "AM", MemberKind.National, Region.Europe, "Armenia", 2011, null, Cohort.OddYears),
        new("Philippines", "PH", MemberKind.National, Region.AsiaAndThePacific, "Philippines", 2011, "https://ogp.dbm.gov.ph/", Cohort.OddYears),
        new("Dominican Republic", "DO", MemberKind.National, Region.Americas, "Dominican Republic", 2011, null, Cohort.EvenYears),
        new("Ukraine", "UA", MemberKind.National, Region.Europe, "Ukraine", 2011, null, Cohort.OddYears),
        new("Buenos Aires", "BUE", MemberKind.Local, Region.Americas, "Argentina", 2016, "https://buenosaires.gob.ar/", Cohort.OddYears),
        new("Madrid", "MAD", MemberKind.Local, Region.Europe, "Spain", 2016, "https://www.madrid.es/", Cohort.OddYears),
        new("Scotland", "SCO", MemberKind.Local, Region.Europe, "United Kingdom", 2016, "https://www.gov.scot/", Cohort.OddYears),
        new("Elgeyo Marakwet", "ELG", MemberKind.Local, Region.AfricaAndTheMiddleEast, "Kenya", 2016, null, Cohort.OddYears),
    ];

    /// <summary>The demo members' codes: the scale data generator adds to a database that holds only these.</summary>
    public static readonly IReadOnlySet<string> MemberCodes = MemberSeeds.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);

    private static readonly PlanSeed[] PlanSeeds =
    [
        new("DK", 4, "Denmark's fourth national action plan 2017–2019", new(2017, 7, 1), new(2019, 6, 30), ActionPlanStatus.Closed,
            "Drafted with civil society through an open network of NGOs, municipalities and agencies; ideas were collected online and at two public meetings.",
            [
                new(41, "Open data on public spending through a central portal", "Agency for Digitisation", "Open data and innovation", "Publication Of Budget/Fiscal Information", AccessToInformation | TechnologyAndInnovation, 2),
                new(42, "Free and open basic data on addresses, properties and maps", "Agency for Data Supply and Efficiency", "Open data and innovation", "Open Data", AccessToInformation, 3),
                new(43, "Open data on the energy use of public buildings", "Danish Energy Agency", "Open data and innovation", "Climate Mitigation and Adaptation", AccessToInformation, 1),
                new(44, "Data on the quality of public services for citizens", "Ministry of Finance", "Open data and innovation", "Public Service Delivery", AccessToInformation | PublicAccountability, 1),
                new(45, "Guidance on proactive publication of public records", "Ministry of Justice", "Transparency and access to information", "Right To Information", AccessToInformation, 2),
                new(46, "Open access to court judgments", "Danish Court Administration", "Transparency and access to information", "Open Justice", AccessToInformation, 3),
                new(47, "Transparency on ministers' meetings with interest groups", "Ministry of State", "Transparency and access to information", "Lobbying", AccessToInformation | PublicAccountability, 1),
                new(48, "Public register of beneficial owners", "Danish Business Authority", "Transparency and access to information", "Beneficial Ownership", AccessToInformation | PublicAccountability, 2),
                new(49, "Digital consultation portal for draft legislation", "Ministry of Justice", "Citizen participation", "Regulatory Governance", CivicParticipation | TechnologyAndInnovation, 2),
                new(50, "Involving children and young people in municipal decisions", "Local Government Denmark (KL)", "Citizen participation", "Youth", CivicParticipation, 1, LocalText: "Børn og unge skal høres, før kommunalbestyrelsen træffer beslutninger om skoler, fritid og trafik i deres nærområde."),
                new(51, "Open council meetings and agendas in municipalities", "Local Government Denmark (KL)", "Citizen participation", "Subnational", CivicParticipation | AccessToInformation, 1),
                new(52, "Open contracting in public procurement", "Danish Competition and Consumer Authority", "Trust and efficiency in the public sector", "Open Contracting", AccessToInformation | PublicAccountability, 2),
                new(53, "Whistleblower schemes in state institutions", "Agency for Modernisation", "Trust and efficiency in the public sector", "Whistleblower Protections", PublicAccountability, 1),
                new(54, "Common standard for publishing municipal budget data", "Local Government Denmark (KL)", "Trust and efficiency in the public sector", "Publication Of Budget/Fiscal Information", AccessToInformation, 1),
            ]),
        new("NO", 4, "Norway's fourth action plan 2025–2026", new(2025, 1, 1), new(2026, 12, 31), ActionPlanStatus.Published,
            "Co-created with the Ministry of Local Government, Transparency International Norway and the Norwegian Press Association.",
            [
                new(86, "Open register of public procurement contracts", "Norwegian Agency for Public and Financial Management (DFØ)", null, "Open Contracting", AccessToInformation, 2),
                new(87, "Plain language in letters from public agencies", "Norwegian Digitalisation Agency", null, "Public Service Delivery", AccessToInformation, 1),
            ]),
        new("NO", 5, "Norway's fifth action plan", new(2027, 1, 1), new(2028, 12, 31), ActionPlanStatus.Draft,
            "Co-creation began with an open call for ideas from citizens, businesses, NGOs and public bodies; candidate areas are open public procurement, anti-corruption, proactive publication, trust in the administration, integrity and openness, climate and environment, and re-use of public data.",
            [
                new(90, "Open public procurement: publish contracts and award decisions", "Norwegian Agency for Public and Financial Management (DFØ)", "Open public procurement", "Open Contracting", AccessToInformation | PublicAccountability, 0, ChallengeArea.AntiCorruption),
                new(91, "Proactive publication of public records in eInnsyn", "Norwegian Digitalisation Agency", "Proactive publication", "Right To Information", AccessToInformation, 0, ChallengeArea.AccessToInformation),
                new(92, "Guidance on integrity, side jobs and conflicts of interest in the public administration", "Ministry of Local Government and Regional Development", "Integrity and openness", "Conflicts Of Interest", PublicAccountability, 0),
                new(93, "Re-use of public data on climate and the environment", "Norwegian Environment Agency", "Climate and environment", "Climate Mitigation and Adaptation", AccessToInformation, 0, ChallengeArea.ClimateAndEnvironment, NoMilestones: true),
            ]),
        new("KE", 5, "Kenya's fifth national action plan 2023–2027", new(2023, 7, 1), new(2027, 6, 30), ActionPlanStatus.Published,
            "Co-created by the OGP Kenya multi-stakeholder forum with county governments and civil society coalitions.",
            [
                new(30, "Beneficial ownership transparency for companies bidding for public contracts", "Business Registration Service", "Anti-corruption", "Beneficial Ownership", AccessToInformation | PublicAccountability, 2, ChallengeArea.AntiCorruption),
                new(31, "Open contracting in the Public Procurement Information Portal", "Public Procurement Regulatory Authority", "Anti-corruption", "Open Contracting", AccessToInformation | TechnologyAndInnovation, 1, ChallengeArea.AntiCorruption),
                new(32, "Public participation in county budgets", "The National Treasury", "Fiscal openness", "Public Participation In Budget/Fiscal Policy", CivicParticipation, 1, ChallengeArea.FiscalOpenness),
                new(33, "Access to justice through e-filing and open court data", "Judiciary of Kenya", "Open justice", "Access to Justice", AccessToInformation, 2, ChallengeArea.Justice),
                new(34, "Transparency of climate finance", "Ministry of Environment, Climate Change and Forestry", "Climate and environment", "Climate Finance", AccessToInformation | PublicAccountability, 0, ChallengeArea.ClimateAndEnvironment),
            ]),
        new("ES", 4, "Spain's fourth open government plan 2020–2024", new(2020, 10, 1), new(2024, 9, 30), ActionPlanStatus.Closed,
            "Prepared in the Open Government Forum, with equal seats for government and civil society.",
            [
                new(40, "Reform of the transparency law and the Transparency Portal", "Ministry of Territorial Policy and Public Function", "Transparency", "Right To Information", AccessToInformation, 2),
                new(41, "Register of interest groups in the General State Administration", "Office of Conflicts of Interest", "Integrity", "Lobbying", PublicAccountability, 3),
                new(42, "Integrity system of the General State Administration", "Ministry of Finance and Public Function", "Integrity", "Anti-Corruption Strategies", PublicAccountability, 1),
            ]),
        new("AM", 5, "Armenia's fifth action plan 2022–2023", new(2022, 1, 1), new(2023, 12, 31), ActionPlanStatus.Closed,
            "Developed with the Open Government Partnership Armenia working group.",
            [
                new(50, "Beneficial ownership disclosure for all companies", "Ministry of Justice", null, "Beneficial Ownership", AccessToInformation | PublicAccountability, 2),
                new(51, "Improvements to the e-draft public participation platform", "Ministry of Justice", null, "Regulatory Governance", CivicParticipation | TechnologyAndInnovation, 3),
            ]),
        new("PH", 6, "Philippine Open Government Partnership national action plan 2023–2025", new(2023, 7, 1), new(2025, 6, 30), ActionPlanStatus.Closed,
            "Co-created by the Philippine OGP steering committee and PH-OGP civil society partners in regional consultations.",
            [
                new(70, "Institutionalising the freedom of information programme", "Presidential Communications Office", null, "Right To Information", AccessToInformation, 2),
                new(71, "Budget transparency and citizen participation in the budget cycle", "Department of Budget and Management", null, "Public Participation In Budget/Fiscal Policy", AccessToInformation | CivicParticipation, 3),
                new(72, "Open contracting for infrastructure projects", "Department of Public Works and Highways", null, "Open Contracting", AccessToInformation | PublicAccountability, 1),
            ]),
        new("DO", 5, "Dominican Republic's fifth action plan 2024–2026", new(2024, 9, 1), new(2026, 8, 31), ActionPlanStatus.Closed,
            "Co-created through regional round tables led by the General Directorate of Government Ethics and Integrity.",
            [
                new(40, "Transparency in public procurement through the transactional portal", "General Directorate of Public Procurement", null, "Public Procurement", AccessToInformation, 2),
                new(41, "Citizen participation in municipal budgets", "Ministry of Economy, Planning and Development", null, "Public Participation In Budget/Fiscal Policy", CivicParticipation, 1),
            ]),
        new("DO", 6, "Dominican Republic's sixth action plan 2026–2028", new(2026, 9, 1), new(2028, 8, 31), ActionPlanStatus.Submitted,
            "Co-created with civil society organisations of the Open Government Forum; public consultation ran for six weeks.",
            [
                new(50, "Open data on public works and their progress", "Ministry of Public Works and Communications", null, "Infrastructure & Transport", AccessToInformation | PublicAccountability, 0),
                new(51, "Public register of the assets of senior officials", "General Directorate of Government Ethics and Integrity", null, "Asset Disclosure", PublicAccountability, 0, ChallengeArea.AntiCorruption),
            ]),
        new("UA", 6, "Ukraine's action plan 2024–2025", new(2024, 1, 1), new(2025, 12, 31), ActionPlanStatus.Closed,
            "Prepared with civil society despite the war, with a focus on transparent recovery.",
            [
                new(70, "Transparent reconstruction through the DREAM digital ecosystem", "Ministry for Communities, Territories and Infrastructure Development", null, "Open Contracting", AccessToInformation | PublicAccountability | TechnologyAndInnovation, 2),
                new(71, "Open data on state and municipal property", "Ministry of Digital Transformation", null, "Open Data", AccessToInformation, 2),
            ]),
        new("BUE", 3, "Buenos Aires action plan 2024–2025", new(2024, 1, 1), new(2025, 12, 31), ActionPlanStatus.Closed,
            "Co-created with the city's open government round table.",
            [
                new(9, "Open data on public works in the city", "Secretariat of Innovation and Digital Transformation", null, "Infrastructure & Transport", AccessToInformation, 3),
            ]),
        new("MAD", 2, "Madrid action plan 2019–2021", new(2019, 9, 1), new(2021, 8, 31), ActionPlanStatus.Closed,
            "Co-created on the Decide Madrid participation platform.",
            [
                new(5, "Participatory budgets on the Decide Madrid platform", "City Council of Madrid", null, "Digital Participation", CivicParticipation | TechnologyAndInnovation, 3),
            ]),
        new("SCO", 3, "Scotland's open government action plan 2021–2025", new(2021, 12, 1), new(2025, 11, 30), ActionPlanStatus.Closed,
            "Developed by the Open Government Partnership Scotland steering group.",
            [
                new(11, "Financial transparency: making public spending understandable", "Scottish Government Finance", null, "Publication Of Budget/Fiscal Information", AccessToInformation, 2),
                new(12, "Participation framework for the Scottish public sector", "Scottish Government", null, "Mainstreaming Participation", CivicParticipation, 1),
            ]),
        // The current plans of members whose plan above has ended: each delivered for its cohort's last deadline.
        new("DK", 5, "Denmark's fifth national action plan 2025–2027", new(2025, 9, 1), new(2027, 8, 31), ActionPlanStatus.Published,
            "Co-created with the Danish open government network of civil society organisations.",
            [
                new(55, "Open data on the use of algorithms in public administration", "Agency for Digital Government", null, "Open Data", AccessToInformation | TechnologyAndInnovation, 1),
            ]),
        new("ES", 5, "Spain's fifth open government plan 2024–2028", new(2024, 10, 1), new(2028, 9, 30), ActionPlanStatus.Published,
            "Co-created in the Open Government Forum with the regions, municipalities and civil society.",
            [
                new(43, "Participation in the design of public policies through the Participa portal", "Ministry for Digital Transformation and Public Service", "Participation", "Digital Participation", CivicParticipation, 1),
            ]),
        new("PH", 7, "Philippine Open Government Partnership national action plan 2025–2027", new(2025, 7, 1), new(2027, 6, 30), ActionPlanStatus.Published,
            "Co-created with the Philippine Open Government Partnership steering committee.",
            [
                new(73, "Open data on the national budget's execution by agency", "Department of Budget and Management", null, "Publication Of Budget/Fiscal Information", AccessToInformation, 1),
            ]),
        new("UA", 7, "Ukraine's action plan 2026–2027", new(2026, 1, 1), new(2027, 12, 31), ActionPlanStatus.Published,
            "Prepared with civil society, continuing the focus on transparent recovery.",
            [
                new(72, "Public register of recovery projects and their contracts", "Ministry for Communities and Territories Development", null, "Open Contracting", AccessToInformation | PublicAccountability, 0),
            ]),
        new("BUE", 4, "Buenos Aires action plan 2026–2027", new(2026, 1, 1), new(2027, 12, 31), ActionPlanStatus.Published,
            "Co-created with the city's open government round table.",
            [
                new(10, "Open data on the city's public services complaints", "Secretariat of Innovation and Digital Transformation", null, "Public Service Delivery", AccessToInformation, 0),
            ]),
        new("MAD", 3, "Madrid action plan 2025–2027", new(2025, 9, 1), new(2027, 8, 31), ActionPlanStatus.Published,
            "Co-created on the Decide Madrid participation platform.",
            [
                new(6, "Citizen proposals on the use of public space", "City Council of Madrid", null, "Digital Participation", CivicParticipation, 1),
            ]),
        new("SCO", 4, "Scotland's open government action plan 2025–2027", new(2025, 12, 1), new(2027, 11, 30), ActionPlanStatus.Published,
            "Developed by the Open Government Partnership Scotland steering group.",
            [
                new(13, "Open data on the outcomes of public services", "Scottish Government", null, "Public Service Delivery", AccessToInformation, 0),
            ]),
        new("ELG", 2, "Elgeyo Marakwet action plan 2025–2026", new(2025, 1, 1), new(2026, 12, 31), ActionPlanStatus.Published,
            "Co-created with ward-level public forums.",
            [
                new(4, "Public tracking of county development projects", "County Department of Finance and Economic Planning", null, "Public Service Delivery", AccessToInformation | PublicAccountability, 1),
            ]),
    ];

    /// <summary>
    /// Seeds demo data when the database has no members yet, all or nothing (one transaction), so a failure
    /// such as a demo password the rules refuse leaves an empty database to seed on the next start.
    /// Returns whether it seeded.
    /// </summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Members.AnyAsync(cancellationToken))
        {
            return false;
        }

        var password = configuration[PasswordKey];
        if (string.IsNullOrWhiteSpace(password))
        {
            throw new InvalidOperationException($"Set {PasswordKey} (appsettings.Development.json) to create the demo accounts.");
        }

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            // A retry after a transient failure starts again from nothing: the rolled-back attempt's records go.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await SeedAsync(password, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return true;
    }

    private async Task SeedAsync(string password, CancellationToken cancellationToken)
    {
        var areas = await db.PolicyAreas.ToDictionaryAsync(a => a.Name, cancellationToken);
        var members = MemberSeeds.ToDictionary(m => m.Code, m => m.ToMember());
        db.Members.AddRange(members.Values);

        var plans = PlanSeeds.Select(seed => seed.Build(members[seed.MemberCode], areas)).ToList();
        db.ActionPlans.AddRange(plans);
        await db.SaveChangesAsync(cancellationToken);

        var userIds = new Dictionary<string, string>();
        foreach (var (email, name, role, _) in DemoAccounts.All)
        {
            var (result, user) = await accounts.CreateAsync(email, name, role, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create demo account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }

            userIds[email] = user!.Id;
        }

        db.MemberPointsOfContact.AddRange(
            new MemberPointOfContact { MemberId = members["NO"].Id, UserId = userIds[DemoAccounts.PocNorway], Institution = "Ministry of Digitalisation and Public Governance", Phone = "+47 22 24 90 90" },
            new MemberPointOfContact { MemberId = members["KE"].Id, UserId = userIds[DemoAccounts.PocKenya], Institution = "Office of the Deputy President", Phone = "+254 20 3247000" });
        SeedAdministration(members, plans);
        var denmarkPlan = plans.Single(p => p.Member.Code == "DK" && p.Number == 4);
        db.ResearcherAssignments.Add(new ResearcherAssignment
        {
            ActionPlanId = denmarkPlan.Id,
            UserId = userIds[DemoAccounts.IrmResearcher],
            AssignedAt = new DateTime(2017, 11, 1, 0, 0, 0, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync(cancellationToken);

        var commitments = plans.Sum(p => p.Commitments.Count);
        LogSeeded(logger, members.Count, plans.Count, commitments);
    }

    /// <summary>The Support Unit's records: a status history, co-creation records and this year's contributions.</summary>
    private void SeedAdministration(Dictionary<string, Member> members, List<ActionPlan> plans)
    {
        members["AM"].ChangeStatus(MemberStatus.UnderProceduralReview, new DateOnly(2025, 1, 1), "Action plan 6 was not delivered by 1 January 2025, four months after its deadline.");

        var norway = plans.Single(p => p.Member.Code == "NO" && p.Number == 5);
        norway.RecordCoCreation("Norway's open government forum", "https://www.regjeringen.no/en/topics/the-economy/open-government-partnership/", null, null);
        var today = new DateOnly(2026, 11, 1);
        norway.AddForumMeeting(new DateOnly(2026, 3, 12), "Kick-off: themes for the fifth plan", today);
        norway.AddForumMeeting(new DateOnly(2026, 6, 18), "Review of the ideas from the public consultation", today);
        norway.AddForumMeeting(new DateOnly(2026, 10, 2), "Draft commitments discussed with civil society", today);
        SeedConsultation(norway);

        // Denmark's 2017–2019 plan was assessed with the IRM's legacy indicators.
        var denmark = plans.Single(p => p.Member.Code == "DK" && p.Number == 4).Commitments.OrderBy(c => c.Position).ToList();
        db.LegacyAssessments.AddRange(
            LegacyAssessment.For(denmark[0].Id, Specificity.High, OgpValues.AccessToInformation, PotentialImpact.Transformative, LegacyCompletion.Substantial, LegacyCompletion.Complete, EarlyResults.Major),
            LegacyAssessment.For(denmark[1].Id, Specificity.Medium, OgpValues.AccessToInformation, PotentialImpact.Moderate, LegacyCompletion.Limited, LegacyCompletion.Substantial, EarlyResults.Marginal),
            LegacyAssessment.For(denmark[2].Id, Specificity.Low, OgpValues.AccessToInformation, PotentialImpact.Minor, LegacyCompletion.Limited, LegacyCompletion.Limited, EarlyResults.DidNotChange));

        foreach (var (code, tier, amount) in new[] { ("NO", "Tier 1", 200_000m), ("DK", "Tier 1", 200_000m), ("KE", "Tier 3", 50_000m), ("ES", "Tier 1", 200_000m), ("PH", "Tier 3", 50_000m) })
        {
            var contribution = Contribution.Expect(members[code], 2026, tier, amount, "USD");
            if (code is "NO" or "DK")
            {
                contribution.RecordPayment(new DateOnly(2026, 3, 15), amount, "USD", "Paid in full");
            }
            else if (code is "KE")
            {
                contribution.RecordPayment(new DateOnly(2026, 6, 30), 25_000m, "USD", "First instalment");
            }

            db.Contributions.Add(contribution);
        }
    }

    /// <summary>
    /// Norway's draft fifth plan is in public consultation for a month from the day the demo is created, with
    /// one answered comment, one published and waiting for a response, and one held for moderation.
    /// </summary>
    private void SeedConsultation(ActionPlan norway)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var drafts = norway.Commitments.OrderBy(c => c.Position).ToList();
        var consultation = Consultation.Open(
            norway,
            PortalRole.PointOfContact,
            DateOnly.FromDateTime(now).AddDays(30),
            "We ask for your views on the draft commitments below, and on two questions:\n\n"
            + "1. Which public records should agencies publish in eInnsyn without being asked?\n"
            + "2. How should municipalities (kommuner) publish their procurement data?\n\n"
            + "Kommentarer på norsk er også velkomne — skriv gjerne på bokmål eller nynorsk.",
            drafts.Take(3),
            now.AddDays(-10));
        db.Consultations.Add(consultation);

        var answered = consultation.Receive(new CommentSubmission(
            "Please include the municipalities' purchases below the national threshold: that is where most of the money in small places goes.",
            drafts[0].Id, "Ingrid Løvås", "Transparency International Norge", ShowAuthor: true, Email: null), now.AddDays(-8));
        answered.Publish(now.AddDays(-7));
        answered.Respond(ResponseOutcome.PartlyAccepted, "We added a milestone for a pilot with five municipalities that publish purchases above NOK 100 000. A lower threshold for all 357 municipalities is too costly in this plan period.", drafts[0], now.AddDays(-5));

        var published = consultation.Receive(new CommentSubmission(
            "Innsynskrav bør kunne sendes på engelsk også, og svarfristene må følges opp åpent.",
            drafts[1].Id, "Ola Nordmann", null, ShowAuthor: false, Email: null), now.AddDays(-4));
        published.Publish(now.AddDays(-3));

        consultation.Receive(new CommentSubmission(
            "The plan should also cover lobbying: a register of meetings between ministers and lobbyists.",
            null, null, "Norsk Presseforbund", ShowAuthor: true, Email: null), now.AddDays(-1));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data created: {Members} members, {Plans} action plans, {Commitments} commitments")]
    private static partial void LogSeeded(ILogger logger, int members, int plans, int commitments);

    private sealed record MemberSeed(string Name, string Code, MemberKind Kind, Region Region, string Country, int JoinedYear, string? Website, Cohort Cohort)
    {
        public Member ToMember() => new()
        {
            Name = Name,
            Code = Code,
            Kind = Kind,
            Region = Region,
            Country = Country,
            JoinedYear = JoinedYear,
            Website = Website,
            Cohort = Cohort,
        };
    }

    /// <param name="CompletedMilestones">Of the commitment's three milestones, how many are complete (the next is in progress).</param>
    /// <param name="LocalText">A sentence in the member's own language, added to the description.</param>
    private sealed record CommitmentSeed(int Number, string Title, string Lead, string? Theme, string PolicyArea, OgpValues Values, int CompletedMilestones, ChallengeArea? Challenge = null, bool NoMilestones = false, string? LocalText = null);

    private sealed record PlanSeed(string MemberCode, int Number, string Title, DateOnly Start, DateOnly End, ActionPlanStatus Status, string CoCreation, CommitmentSeed[] Commitments)
    {
        private static readonly string[] MilestoneSteps =
        [
            "Consult civil society and users on the scope",
            "Develop and test the solution with a pilot group",
            "Launch publicly and publish the first results",
        ];

        public ActionPlan Build(Member member, Dictionary<string, PolicyArea> areas)
        {
            var plan = ActionPlan.CreateDraft(member, Number, Title, Start, End, CoCreation);
            foreach (var seed in Commitments)
            {
                var commitment = plan.AddCommitment(
                    CommitmentIdentifier.Create(member.Code, seed.Number),
                    new CommitmentText(
                        Title: seed.Title,
                        ShortTitle: seed.Title.Length > 60 ? seed.Title[..seed.Title.LastIndexOf(' ', 60)] : seed.Title,
                        Problem: $"{member.Name} has no reliable, public way to follow this area: information is scattered and citizens cannot take part.",
                        Description: $"{seed.Lead} will {char.ToLowerInvariant(seed.Title[0])}{seed.Title[1..]}, working with civil society.{(seed.LocalText is null ? null : "\n\n" + seed.LocalText)}",
                        Solution: "Publishing the information openly and involving users in its design lets citizens and oversight bodies follow and question results.",
                        LeadInstitution: seed.Lead,
                        SupportingInstitutions: "Civil society organisations of the multi-stakeholder forum",
                        StartDate: Start,
                        EndDate: End,
                        Values: seed.Values,
                        ChallengeArea: seed.Challenge,
                        Theme: seed.Theme));
                commitment.PolicyAreas.Add(areas[seed.PolicyArea]);
                var months = PlanPeriod.Months(Start, End);
                for (var i = 0; i < MilestoneSteps.Length && !seed.NoMilestones; i++)
                {
                    commitment.AddMilestone(MilestoneSteps[i], Start.AddMonths(months * (i + 1) / MilestoneSteps.Length).AddDays(-1));
                }
            }

            if (Status is ActionPlanStatus.Draft)
            {
                return plan;
            }

            var submittedAt = Start.AddMonths(-2).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
            plan.Submit(PortalRole.PointOfContact, submittedAt);
            if (Status is ActionPlanStatus.Submitted)
            {
                return plan;
            }

            foreach (var commitment in plan.Commitments)
            {
                commitment.Accept(PortalRole.SupportUnit);
            }

            plan.Publish(PortalRole.SupportUnit, submittedAt.AddDays(30));
            foreach (var (commitment, seed) in plan.Commitments.Zip(Commitments))
            {
                var milestones = commitment.Milestones.ToList();
                for (var i = 0; i < milestones.Count; i++)
                {
                    var status = i < seed.CompletedMilestones ? MilestoneStatus.Complete
                        : i == seed.CompletedMilestones ? MilestoneStatus.InProgress
                        : MilestoneStatus.NotStarted;
                    var evidence = status == MilestoneStatus.Complete ? member.Website : null;
                    commitment.RecordMilestoneProgress(milestones[i], status, evidence, PortalRole.PointOfContact);
                }

                if (seed.CompletedMilestones > 0)
                {
                    commitment.AddProgressNote(
                        milestones[seed.CompletedMilestones - 1].DueDate.AddDays(14),
                        $"{milestones[seed.CompletedMilestones - 1].Title}: done, with the multi-stakeholder forum informed at its next meeting.",
                        seed.CompletedMilestones >= milestones.Count ? CompletionLevel.Complete : seed.CompletedMilestones == 1 ? CompletionLevel.Limited : CompletionLevel.Substantial,
                        PortalRole.PointOfContact);
                }
            }

            if (Status is ActionPlanStatus.Closed)
            {
                plan.Close(PortalRole.SupportUnit, End.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            }

            return plan;
        }
    }
}
