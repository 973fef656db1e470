using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Common;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Web.Shared;

/// <summary>
/// Applies one workflow change (submit, accept, return, publish…) and saves it, turning a broken rule or
/// a colleague's earlier change into a message for the user instead of an error page. Nothing is saved
/// unless the whole change succeeds.
/// </summary>
public static class WorkflowChanges
{
    public const string ConflictMessage =
        "Someone else changed this record after you opened it, so your change was not saved. The page now shows their version: check it and try again.";

    public static async Task<bool> TrySaveChangeAsync(this Controller controller, PortalDbContext db, Action change, string successMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            change();
            await db.SaveChangesAsync(cancellationToken);
            controller.Success(successMessage);
            return true;
        }
        catch (DomainRuleException exception)
        {
            controller.Error(exception.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            controller.Error(ConflictMessage);
        }

        return false;
    }
}
