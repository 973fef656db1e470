using Microsoft.Extensions.Options;
using OgpPortal.Domain.Consultations;
using OgpPortal.Infrastructure.Email;
using OgpPortal.Web.Shared.Hosting;

namespace OgpPortal.Web.Shared.Notifications;

/// <summary>
/// Tells a member of the public who left an address that their comment got its reasoned response. The
/// address is used for nothing else and never shown.
/// </summary>
public sealed class ConsultationNotifications(IEmailSender email, IOptions<PortalOptions> portal) : IFeatureService
{
    public async Task AnsweredAsync(ConsultationComment comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Email is null)
        {
            return;
        }

        var plan = comment.Consultation.ActionPlan;
        var subject = $"{plan.Member.Name} answered your comment on its draft action plan";
        await email.SendAsync(
            new EmailMessage(
                comment.Email,
                subject,
                $"Thank you for taking part in the consultation on \"{plan.Title}\".\n\n{plan.Member.Name} has answered your comment. Read the response: {portal.Value.Link($"/consultations/{plan.Id}#comment-{comment.Id}")}\n"),
            cancellationToken);
    }
}
