using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Irm;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Infrastructure.Interchange;

public sealed partial class OgpDataImporter
{
    private async Task ApplyAsync(List<OgpRow> rows, ImportReport report, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        RejectDuplicates(rows);
        var state = await ImportState.LoadAsync(db, rows, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        // On PostgreSQL and SQL Server the connection retries transient failures; a transaction of our own must
        // then run inside the execution strategy. The rows and the report change as they are applied, so a second
        // run cannot start from a clean slate: a failure mid-way fails the import (nothing is saved).
        var attempted = false;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            if (attempted)
            {
                throw new InvalidOperationException("The database connection failed during the import; nothing was saved.");
            }

            attempted = true;
            await ApplyInTransactionAsync(rows, state, report, today, dryRun, progress, cancellationToken);
        });

        if (report.Saved)
        {
            // An import can multiply the rows of a table: refresh the statistics the planner relies on. After the
            // commit and outside the strategy: a failure here is logged, and the saved import stays saved.
            try
            {
                await DatabaseStatistics.RefreshAfterBulkChangeAsync(db.Database, cancellationToken);
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or OperationCanceledException)
            {
                LogStatisticsFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The import was saved, but the table statistics could not be refreshed; the database refreshes them later by itself")]
    private static partial void LogStatisticsFailed(ILogger logger, Exception exception);

    private async Task ApplyInTransactionAsync(List<OgpRow> rows, ImportState state, ImportReport report, DateOnly today, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var newAssessments = new List<(Commitment Commitment, RecordedIrmValues Values)>();
        var done = 0;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (row.Rejection is null)
            {
                ApplyRow(row, state, report, today, newAssessments);
            }

            if (row.Rejection is { } rejection)
            {
                report.Add(new ImportIssue(ImportIssueKind.Rejected, row.Line, row.Label, rejection.Column, rejection.Reason));
            }
            else
            {
                foreach (var (column, reason) in row.Notes)
                {
                    report.Add(new ImportIssue(ImportIssueKind.Altered, row.Line, row.Label, column, reason));
                }
            }

            if (++done % ProgressEvery == 0)
            {
                progress?.Report(new ImportProgress(ImportProgress.Checking, rows.Count, 0, 0, done));
            }
        }

        progress?.Report(new ImportProgress(ImportProgress.Saving, rows.Count, 0, 0, done));
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        progress?.Report(new ImportProgress(ImportProgress.Saving, rows.Count, 0, 0, done));
        foreach (var (commitment, values) in newAssessments)
        {
            db.LegacyAssessments.Add(LegacyAssessment.FromRecord(commitment.Id, values));
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        if (dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
            report.Saved = true;
        }
    }

    /// <summary>A commitment named twice in one file: neither row can be trusted over the other.</summary>
    private static void RejectDuplicates(List<OgpRow> rows)
    {
        foreach (var group in rows.Where(r => r.Rejection is null && r.Member is not null && r.Plan is not null)
                     .GroupBy(r => r.Identifier ?? $"{r.Member!.Name.ToUpperInvariant()}|{r.Plan!.Number}|{r.Commitment?.NumberInPlan}")
                     .Where(g => g.Count() > 1))
        {
            var lines = string.Join(", ", group.Select(r => r.Line));
            foreach (var row in group)
            {
                row.Reject(null, $"The commitment appears more than once in the file (lines {lines}); none of those rows was taken in.");
            }
        }
    }

    private void ApplyRow(OgpRow row, ImportState state, ImportReport report, DateOnly today, List<(Commitment, RecordedIrmValues)> newAssessments)
    {
        var member = ResolveMember(row, state, report);
        var plan = member is null ? null : ResolvePlan(row, member, state, report, today);
        if (plan is null || row.Rejection is not null)
        {
            return;
        }

        var existing = row.Identifier is not null
            ? state.CommitmentByIdentifier.GetValueOrDefault(row.Identifier)
            : plan.Commitments.FirstOrDefault(c => c.NumberInPlan == row.Commitment!.NumberInPlan);
        if (existing is null)
        {
            var identifier = row.Identifier ?? state.NextIdentifier(member!);
            var commitment = plan.AddRecordedCommitment(identifier, row.Commitment!);
            if (row.PolicyAreas is not null)
            {
                commitment.RestorePolicyAreas(row.PolicyAreas);
            }

            db.Commitments.Add(commitment);
            state.CommitmentByIdentifier[identifier] = commitment;
            if (row.Irm is { IsRecorded: true })
            {
                newAssessments.Add((commitment, row.Irm));
            }

            report.Created++;
            return;
        }

        if (existing.ActionPlan != plan)
        {
            row.Reject(OgpColumns.PlanId, existing.ActionPlan.PeriodFromYears
                ? $"{existing.Identifier} is in action plan {existing.ActionPlan.OgpId} in the portal; the file puts it in {plan.OgpId}."
                : $"{existing.Identifier} was made in the portal; OGP's data does not overwrite it.");
            return;
        }

        if (UpdateCommitment(existing, row, state))
        {
            report.Updated++;
        }
        else
        {
            report.Unchanged++;
        }
    }

    private bool UpdateCommitment(Commitment commitment, OgpRow row, ImportState state)
    {
        var changed = false;
        if (Recorded(commitment) != row.Commitment)
        {
            commitment.RestoreRecord(row.Commitment!);
            changed = true;
        }

        if (row.PolicyAreas is not null && !commitment.PolicyAreas.Select(a => a.Id).Order().SequenceEqual(row.PolicyAreas.Select(a => a.Id).Order()))
        {
            commitment.RestorePolicyAreas(row.PolicyAreas);
            changed = true;
        }

        if (row.Irm is null)
        {
            return changed;
        }

        var assessment = state.AssessmentByCommitment.GetValueOrDefault(commitment.Id);
        if (assessment is null && row.Irm.IsRecorded)
        {
            var added = LegacyAssessment.FromRecord(commitment.Id, row.Irm);
            db.LegacyAssessments.Add(added);
            state.AssessmentByCommitment[commitment.Id] = added;
            return true;
        }

        if (assessment is not null && !row.Irm.IsRecorded)
        {
            db.LegacyAssessments.Remove(assessment);
            state.AssessmentByCommitment.Remove(commitment.Id);
            return true;
        }

        if (assessment is not null && assessment.Recorded != row.Irm)
        {
            assessment.Restore(row.Irm);
            return true;
        }

        return changed;
    }

    private static RecordedCommitment Recorded(Commitment c) => new(
        c.Title, c.ShortTitle, c.Theme, c.Description, string.IsNullOrEmpty(c.LeadInstitution) ? null : c.LeadInstitution, c.SupportingInstitutions,
        c.StartDate, c.StartDateAsWritten, c.EndDate, c.EndDateAsWritten, c.NumberInPlan, c.Values);

    private Member? ResolveMember(OgpRow row, ImportState state, ImportReport report)
    {
        var cells = row.Member!;
        if (cells.Code is null)
        {
            // The IRM explorer layout names members only, sometimes by a former name.
            var name = CurrentName(cells.Name);
            var known = state.MemberByName.GetValueOrDefault(name);
            if (known is null)
            {
                row.Reject(OgpColumns.Explorer.Country, $"'{cells.Name}' is not a member in the portal. This layout names members only: import OGP's current export first, or add the member to the registry.");
            }
            else if (!string.Equals(name, cells.Name, StringComparison.OrdinalIgnoreCase))
            {
                row.Notes.Add((OgpColumns.Explorer.Country, $"'{cells.Name}' is read as {known.Name}."));
            }

            return known;
        }

        var member = state.MemberByCode.GetValueOrDefault(cells.Code);
        var holder = cells.DataCode is null ? null : state.MemberByDataCode.GetValueOrDefault(cells.DataCode);
        if (holder is not null && holder != member)
        {
            row.Reject(OgpColumns.DataCode, $"The code {cells.DataCode} belongs to {holder.Name} ({holder.Code}), but this row's identifier is of member {cells.Code}.");
            return null;
        }

        if (member is null)
        {
            member = new Member
            {
                Name = cells.Name,
                Code = cells.Code,
                DataCode = cells.DataCode,
                Kind = cells.Kind!.Value,
                Region = cells.Region!.Value,
                Country = cells.Country,
                JoinedYear = state.FirstYear(cells.Code),
            };
            db.Members.Add(member);
            state.Add(member);
            state.MembersSeen.Add(member);
            report.MembersCreated++;
            return member;
        }

        if (state.MembersSeen.Add(member)
            && (member.Name != cells.Name || member.Country != cells.Country || member.DataCode != cells.DataCode || member.Kind != cells.Kind || member.Region != cells.Region))
        {
            state.Rename(member, cells.Name);
            member.Country = cells.Country;
            member.DataCode = cells.DataCode;
            member.Kind = cells.Kind!.Value;
            member.Region = cells.Region!.Value;
            state.Add(member);
            report.MembersUpdated++;
        }

        return member;
    }

    private ActionPlan? ResolvePlan(OgpRow row, Member member, ImportState state, ImportReport report, DateOnly today)
    {
        var cells = row.Plan!;
        var byNumber = state.PlanByNumber.GetValueOrDefault((member, cells.Number));
        var plan = (cells.OgpId is null ? null : state.PlanByOgpId.GetValueOrDefault(cells.OgpId)) ?? byNumber;
        var column = cells.OgpId is null ? OgpColumns.Explorer.PlanNumber : OgpColumns.PlanId;
        if (plan is not null && !plan.PeriodFromYears)
        {
            row.Reject(column, $"Action plan {plan.Number} of {member.Name} was made in the portal; OGP's data does not overwrite it.");
            return null;
        }

        if (plan is not null && (plan.Member != member || (byNumber is not null && byNumber != plan)))
        {
            row.Reject(column, $"{cells.OgpId} is plan {plan.Number} of {plan.Member.Name} in the portal, not plan {cells.Number} of {member.Name}.");
            return null;
        }

        if (plan is not null && state.PlanCellsSeen.TryGetValue(plan, out var first))
        {
            if (cells.OgpId is not null && first.Cells != cells)
            {
                row.Reject(column, $"The rows of {cells.OgpId} disagree on its number or years: line {first.Line} says plan {first.Cells.Number}, {first.Cells.SubmissionYear}–{first.Cells.EndYear}.");
                return null;
            }

            return plan;
        }

        if (plan is null)
        {
            var endYear = cells.EndYear ?? (cells.SubmissionYear + 2);
            var ogpId = cells.OgpId ?? OgpColumns.PlanIdFor(member.DataCode ?? member.Code, cells.Number);
            if (state.PlanByOgpId.ContainsKey(ogpId))
            {
                row.Reject(column, $"The plan id {ogpId} is already used by another plan.");
                return null;
            }

            if (cells.EndYear is null)
            {
                row.Notes.Add((column, $"This layout gives no end year: action plan {cells.Number} is taken as a two-year plan, {cells.SubmissionYear}–{endYear}."));
            }

            plan = ActionPlan.FromRecord(member, ogpId, cells.Number, cells.SubmissionYear, endYear, cells.Duration ?? 2, today);
            db.ActionPlans.Add(plan);
            state.Add(plan);
            report.PlansCreated++;
        }
        else if (cells.OgpId is not null
                 && (plan.OgpId != cells.OgpId || plan.Number != cells.Number || plan.SubmissionYear != cells.SubmissionYear
                     || plan.PeriodEnd.Year != cells.EndYear || plan.RecordedDurationYears != cells.Duration || plan.Status != ActionPlan.RecordedStatus(cells.EndYear!.Value, today)))
        {
            plan.RestoreRecord(cells.OgpId, cells.Number, cells.SubmissionYear, cells.EndYear!.Value, cells.Duration!.Value, today);
            state.Add(plan);
            report.PlansUpdated++;
        }

        state.PlanCellsSeen[plan] = (row.Line, cells);
        return plan;
    }
}
