using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Challenge;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Consultations;
using OgpPortal.Domain.Contributions;
using OgpPortal.Domain.Following;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Email;
using OgpPortal.Infrastructure.Identity;
using OgpPortal.Infrastructure.Interchange;

namespace OgpPortal.Infrastructure.Persistence;

/// <summary>
/// The portal's one database context: Identity and the OGP domain. Each provider has a subclass that
/// only carries its own migrations (see docs/decisions/0002-database-providers.md).
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core's data-protection keys (cookies, antiforgery and reset tokens), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();

    public DbSet<Commitment> Commitments => Set<Commitment>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<ProgressNote> ProgressNotes => Set<ProgressNote>();

    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    public DbSet<EvidenceFileContent> EvidenceFileContents => Set<EvidenceFileContent>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PolicyArea> PolicyAreas => Set<PolicyArea>();

    public DbSet<MemberPointOfContact> MemberPointsOfContact => Set<MemberPointOfContact>();

    public DbSet<ResearcherAssignment> ResearcherAssignments => Set<ResearcherAssignment>();

    public DbSet<Contribution> Contributions => Set<Contribution>();

    public DbSet<ContributionPayment> ContributionPayments => Set<ContributionPayment>();

    public DbSet<MemberStatusChange> MemberStatusChanges => Set<MemberStatusChange>();

    public DbSet<ForumMeeting> ForumMeetings => Set<ForumMeeting>();

    public DbSet<IrmReport> IrmReports => Set<IrmReport>();

    public DbSet<CommitmentAssessment> CommitmentAssessments => Set<CommitmentAssessment>();

    public DbSet<ReportComment> ReportComments => Set<ReportComment>();

    public DbSet<LegacyAssessment> LegacyAssessments => Set<LegacyAssessment>();

    public DbSet<ChallengeEntry> ChallengeEntries => Set<ChallengeEntry>();

    public DbSet<ChallengeMilestone> ChallengeMilestones => Set<ChallengeMilestone>();

    public DbSet<ChallengeTarget> ChallengeTargets => Set<ChallengeTarget>();

    public DbSet<Consultation> Consultations => Set<Consultation>();

    public DbSet<ConsultationComment> ConsultationComments => Set<ConsultationComment>();

    /// <summary>Deadline reminders sent to members' points of contact (each once).</summary>
    public DbSet<DeadlineReminder> DeadlineReminders => Set<DeadlineReminder>();

    /// <summary>What was put to consultation, as it was (<see cref="Consultation.Consulted"/>).</summary>
    public DbSet<ConsultedCommitment> ConsultedCommitments => Set<ConsultedCommitment>();

    public DbSet<Follower> Followers => Set<Follower>();

    /// <summary>The mail outbox (docs/decisions/0013-mail-outbox.md).</summary>
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();

    /// <summary>The Support Unit's uploads of OGP's data and their reports (docs/decisions/0014-import-jobs-in-the-database.md).</summary>
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    /// <summary>The uploaded files of the import jobs not yet ended.</summary>
    public DbSet<ImportJobFile> ImportJobFiles => Set<ImportJobFile>();

    /// <summary>The stamp of the public records' last change (<see cref="PublicContentVersion"/>).</summary>
    public DbSet<PublicContentVersion> PublicContentVersions => Set<PublicContentVersion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Statuses and kinds are stored by name: readable in the database and safe if the enum is reordered.
        configurationBuilder.Properties<MemberKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Region>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<MemberStatus>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<ActionPlanStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<CommitmentReviewStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<MilestoneStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ChallengeArea>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<CompletionLevel>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Cohort>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<ReportType>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ReportStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<PotentialForResults>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Completion>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<EarlyResults>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Specificity>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<PotentialImpact>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<LegacyCompletion>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Participation>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<GovernmentLevel>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ChallengeEntryStatus>().HaveConversion<string>().HaveMaxLength(20);

        // Instants are stored in UTC and come back marked as UTC (SQLite keeps no kind of its own).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

/// <summary>The embedded default: a SQLite file under the app's content root.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);

/// <summary>SQL Server, chosen by <c>Database:Provider=SqlServer</c>: built and scripted, not run on the development machines.</summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options) : PortalDbContext(options);

/// <summary>PostgreSQL, chosen by <c>Database:Provider=PostgreSql</c>: the server database the tests and CI run on.</summary>
public sealed class PostgreSqlPortalDbContext(DbContextOptions<PostgreSqlPortalDbContext> options) : PortalDbContext(options);
