using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Access;
using OgpPortal.Domain.Common;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared.Authorization;
using OgpPortal.Web.Shared.Notifications;

namespace OgpPortal.Web.Shared.Reports;

/// <summary>A comment on an IRM report in pre-publication.</summary>
public sealed class CommentForm
{
    [Display(Name = "Your comment")]
    public string? Text { get; set; }
}

public sealed class CommentFormValidator : AbstractValidator<CommentForm>
{
    public CommentFormValidator() =>
        RuleFor(f => f.Text).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Write your comment.")
            .MaximumLength(Limits.Reason).WithMessage($"A comment has at most {Limits.Reason} characters.");
}

/// <summary>
/// Comments from the member's points of contact and the Support Unit on a report in pre-publication;
/// the same for both, so each screen only decides who may comment.
/// </summary>
public sealed class ReportCommenting(PortalDbContext db, WorkNotifications notifications, TimeProvider clock) : IFeatureService
{
    /// <summary>Saves the comment; reports the outcome through the controller's flash messages.</summary>
    public async Task AddAsync(Controller controller, int reportId, PortalRole actor, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controller);
        // With its plan and member, so the comment's audit entry is filed under the report's key.
        var report = await db.IrmReports.Include(r => r.ActionPlan).ThenInclude(p => p.Member).Include(r => r.Comments).SingleAsync(r => r.Id == reportId, cancellationToken);
        var author = await db.Users.Where(u => u.Id == controller.User.RequireUserId()).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        if (await controller.TrySaveChangeAsync(db, () => report.Comment(actor, author, text, clock.GetUtcNow().UtcDateTime), "Your comment was sent to the researcher.", cancellationToken))
        {
            await notifications.ReportCommentedAsync(report, author, cancellationToken);
        }
    }
}
