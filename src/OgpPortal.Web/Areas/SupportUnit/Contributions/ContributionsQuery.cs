using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Members;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared;
using OgpPortal.Web.Shared.Paging;

namespace OgpPortal.Web.Areas.SupportUnit.Contributions;

public enum PaymentState
{
    NoExpectation,
    NotPaid,
    PartlyPaid,
    Paid,
}

public sealed record YearRow(int MemberId, string Code, string Name, string? Tier, decimal? Expected, string? Currency, decimal Paid)
{
    public PaymentState State => Expected is null ? PaymentState.NoExpectation
        : Paid <= 0 ? PaymentState.NotPaid
        : Paid < Expected ? PaymentState.PartlyPaid
        : PaymentState.Paid;
}

public sealed record CurrencyTotal(string Currency, decimal Expected, decimal Received);

public sealed record YearViewModel(int Year, bool? Paying, int PayingCount, int NonPayingCount, int WithoutExpectation, IReadOnlyList<CurrencyTotal> Totals, Page<YearRow> Rows);

public sealed record PaymentRow(int Id, DateOnly ReceivedOn, decimal Amount, string Currency, string? Note);

public sealed record ContributionViewModel(int MemberId, string Code, string MemberName, int FiscalYear, string Tier, decimal Expected, string Currency, Guid Version, IReadOnlyList<PaymentRow> Payments)
{
    public decimal Paid => Payments.Where(p => p.Currency == Currency).Sum(p => p.Amount);

    public ContributionForm Expectation { get; init; } = new();

    public PaymentForm Payment { get; init; } = new() { Currency = Currency };
}

/// <summary>Country contributions: who paid what in a fiscal year, with totals; one member's year in full.</summary>
public sealed class ContributionsQuery(PortalDbContext db) : IFeatureService
{
    /// <summary>
    /// Members for a year: paying means a payment in the expected currency was received; non-paying means
    /// a contribution is expected and nothing was received yet. The year's
    /// records are one row per member (a few hundred), so they are summed here rather than in SQL, where
    /// SQLite cannot compare or add decimal amounts.
    /// </summary>
    public async Task<YearViewModel> YearAsync(int year, bool? paying, int page, CancellationToken cancellationToken)
    {
        // The registry's current members, and anyone who had a contribution that year (a member that has
        // since left still paid what it paid).
        var members = await db.Members.AsNoTracking()
            .Where(m => (m.ArchivedAt == null && m.Status != MemberStatus.Withdrawn) || db.Contributions.Any(c => c.MemberId == m.Id && c.FiscalYear == year))
            .OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Code, m.Name })
            .ToListAsync(cancellationToken);
        var contributions = await db.Contributions.AsNoTracking()
            .Where(c => c.FiscalYear == year)
            .Select(c => new { c.MemberId, c.Tier, c.ExpectedAmount, c.Currency, Payments = c.Payments.Select(p => new { p.Amount, p.Currency }).ToList() })
            .ToDictionaryAsync(c => c.MemberId, cancellationToken);

        var rows = members.Select(m => contributions.TryGetValue(m.Id, out var c)
                ? new YearRow(m.Id, m.Code, m.Name, c.Tier, c.ExpectedAmount, c.Currency, c.Payments.Where(p => p.Currency == c.Currency).Sum(p => p.Amount))
                : new YearRow(m.Id, m.Code, m.Name, null, null, null, 0))
            .ToList();
        var totals = contributions.Values.Select(c => c.Currency).Concat(contributions.Values.SelectMany(c => c.Payments).Select(p => p.Currency)).Distinct().Order(StringComparer.Ordinal)
            .Select(currency => new CurrencyTotal(
                currency,
                contributions.Values.Where(c => c.Currency == currency).Sum(c => c.ExpectedAmount),
                contributions.Values.SelectMany(c => c.Payments).Where(p => p.Currency == currency).Sum(p => p.Amount)))
            .ToList();

        // Paying: something received in the expected currency (a payment in another currency shows in the
        // totals and on the contribution's page, and does not by itself make a member paying).
        var withExpectation = rows.Where(r => r.Expected is not null).ToList();
        var payingCount = withExpectation.Count(r => r.Paid > 0);
        var nonPayingCount = withExpectation.Count - payingCount;

        var filtered = paying switch
        {
            true => withExpectation.Where(r => r.Paid > 0).ToList(),
            false => withExpectation.Where(r => r.Paid == 0).ToList(),
            null => rows,
        };
        var items = filtered.Skip((page - 1) * Paging.DefaultSize).Take(Paging.DefaultSize).ToList();
        return new YearViewModel(year, paying, payingCount, nonPayingCount, rows.Count - withExpectation.Count, totals, new Page<YearRow>(items, page, Paging.DefaultSize, filtered.Count));
    }

    public async Task<ContributionViewModel?> ContributionAsync(string code, int year, CancellationToken cancellationToken)
    {
        var contribution = await db.Contributions.AsNoTracking()
            .Where(c => c.Member.Code == code && c.FiscalYear == year)
            .Select(c => new { c.Id, c.MemberId, c.Member.Code, c.Member.Name, c.FiscalYear, c.Tier, c.ExpectedAmount, c.Currency, c.Version })
            .SingleOrDefaultAsync(cancellationToken);
        if (contribution is null)
        {
            return null;
        }

        var payments = await db.ContributionPayments.AsNoTracking()
            .Where(p => p.ContributionId == contribution.Id)
            .OrderBy(p => p.ReceivedOn).ThenBy(p => p.Id)
            .Select(p => new PaymentRow(p.Id, p.ReceivedOn, p.Amount, p.Currency, p.Note))
            .ToListAsync(cancellationToken);
        return new ContributionViewModel(contribution.MemberId, contribution.Code, contribution.Name, contribution.FiscalYear, contribution.Tier, contribution.ExpectedAmount, contribution.Currency, contribution.Version, payments)
        {
            Expectation = new ContributionForm { FiscalYear = contribution.FiscalYear, Tier = contribution.Tier, ExpectedAmount = contribution.ExpectedAmount, Currency = contribution.Currency, Version = contribution.Version },
        };
    }
}
