using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Contributions;
using OgpPortal.Infrastructure.Interchange;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared.Csv;

namespace OgpPortal.Web.Areas.SupportUnit.Exports;

/// <summary>The registry's records as CSV, for the Support Unit's own spreadsheets. Staff only: contacts are personal data.</summary>
[Route("support-unit/exports")]
public sealed class ExportsController(PortalDbContext db, OgpDataExporter ogpExport, TimeProvider clock) : SupportUnitController
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [HttpGet("members.csv")]
    public IActionResult Members() => new CsvFileResult(
        "ogp-members.csv",
        ["Code", "Name", "Kind", "Region", "Country", "Joined", "Cohort", "Status", "Archived", "Website", "Notes"],
        db.Members.AsNoTracking().OrderBy(m => m.Name)
            .Select(m => new { m.Code, m.Name, m.Kind, m.Region, m.Country, m.JoinedYear, m.Cohort, m.Status, m.ArchivedAt, m.Website, m.Notes })
            .AsAsyncEnumerable()
            .Select(m => new[]
            {
                m.Code, m.Name, EnumDisplay.Name(m.Kind), EnumDisplay.Name(m.Region), m.Country, m.JoinedYear.ToString(Invariant),
                m.Cohort is { } cohort ? EnumDisplay.Name(cohort) : null, EnumDisplay.Name(m.Status),
                m.ArchivedAt?.ToString("yyyy-MM-dd", Invariant), m.Website, m.Notes,
            }));

    /// <summary>Every plan's commitments in OGP's own layout, drafts included (docs/data-interchange.md).</summary>
    [HttpGet("ogp-commitments-export.csv")]
    public IActionResult OgpLayout() =>
        new CsvFileResult("ogp-commitments-export-all-plans.csv", OgpDataExporter.Header, ogpExport.RowsAsync(publicOnly: false, HttpContext.RequestAborted));

    [HttpGet("contacts.csv")]
    public IActionResult Contacts() => new CsvFileResult(
        "ogp-points-of-contact.csv",
        ["Member code", "Member", "Name", "E-mail", "Institution", "Phone", "Account"],
        (from link in db.MemberPointsOfContact.AsNoTracking()
         join user in db.Users.AsNoTracking() on link.UserId equals user.Id
         orderby link.Member.Name, user.DisplayName
         select new { link.Member.Code, MemberName = link.Member.Name, user.DisplayName, user.Email, link.Institution, link.Phone, user.DeactivatedAt, user.PasswordHash })
            .AsAsyncEnumerable()
            .Select(c => new[] { c.Code, c.MemberName, c.DisplayName, c.Email, c.Institution, c.Phone, c.DeactivatedAt is not null ? "Deactivated" : c.PasswordHash is null ? "Invited" : "Active" }));

    [HttpGet("contributions.csv")]
    public IActionResult Contributions(int? year)
    {
        var fiscalYear = Math.Clamp(year ?? clock.GetUtcNow().Year, Contribution.FirstFiscalYear, Contribution.LastFiscalYear);
        return new CsvFileResult(
            $"ogp-contributions-{fiscalYear.ToString(Invariant)}.csv",
            ["Member code", "Member", "Fiscal year", "Tier", "Expected", "Currency", "Received", "Payments"],
            db.Contributions.AsNoTracking().Where(c => c.FiscalYear == fiscalYear).OrderBy(c => c.Member.Name)
                .Select(c => new { c.Member.Code, c.Member.Name, c.FiscalYear, c.Tier, c.ExpectedAmount, c.Currency, Payments = c.Payments.OrderBy(p => p.ReceivedOn).Select(p => new { p.ReceivedOn, p.Amount, p.Currency }).ToList() })
                .AsAsyncEnumerable()
                .Select(c => new[]
                {
                    c.Code, c.Name, c.FiscalYear.ToString(Invariant), c.Tier, c.ExpectedAmount.ToString("0.00", Invariant), c.Currency,
                    c.Payments.Where(p => p.Currency == c.Currency).Sum(p => p.Amount).ToString("0.00", Invariant),
                    string.Join("; ", c.Payments.Select(p => $"{p.ReceivedOn.ToString("yyyy-MM-dd", Invariant)} {p.Currency} {p.Amount.ToString("0.00", Invariant)}")),
                }));
    }
}
