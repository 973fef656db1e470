using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.Common;
using OgpPortal.Infrastructure.Persistence;

namespace OgpPortal.Web.Shared;

/// <summary>
/// Applies one change through the domain and saves it, turning a broken rule or a colleague's earlier
/// change into a message for the user instead of an error page. Nothing is saved unless the whole change
/// succeeds. Actions that redirect report through a flash message; forms report above the re-rendered form.
/// </summary>
public static class WorkflowChanges
{
    public const string ConflictMessage =
        "Someone else changed this record after you opened it, so your change was not saved. The page now shows their version: check it and try again.";

    public const string ClashMessage =
        "This change clashes with one saved a moment ago (the same value twice, or a record it depends on changed), so it was not saved. Reload the page and try again.";

    /// <summary>For Post/Redirect/Get actions: the outcome is shown on the next page.</summary>
    public static Task<bool> TrySaveChangeAsync(this Controller controller, PortalDbContext db, Action change, string successMessage, CancellationToken cancellationToken) =>
        controller.TrySaveChangeAsync(db, change, successMessage, [], cancellationToken);

    /// <summary>As above, with a success message whose numbered places take <paramref name="arguments"/> (<see cref="Flash"/>).</summary>
    public static async Task<bool> TrySaveChangeAsync(this Controller controller, PortalDbContext db, Action change, string successMessage, object?[] arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var saved = await TrySaveAsync(db, change, ConflictMessage, message => controller.Error(message), cancellationToken);
        if (saved)
        {
            controller.Success(successMessage, arguments);
        }

        return saved;
    }

    /// <summary>
    /// For forms: a failure is put in ModelState, so the form is re-rendered with the user's input and the message.
    /// On a page of several forms, <paramref name="formKey"/> (the form's field prefix) keys the message to that form,
    /// so it shows in that form's own summary (<see cref="Validation.FormErrorScope"/>).
    /// </summary>
    public static Task<bool> TrySaveFormAsync(this Controller controller, PortalDbContext db, Action change, string conflictMessage, CancellationToken cancellationToken, string formKey = "")
    {
        ArgumentNullException.ThrowIfNull(controller);
        return TrySaveAsync(db, change, conflictMessage, message => controller.ModelState.AddModelError(formKey, message), cancellationToken);
    }

    private static async Task<bool> TrySaveAsync(PortalDbContext db, Action change, string conflictMessage, Action<string> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            change();
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DomainRuleException exception)
        {
            report(exception.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            report(conflictMessage);
        }
        catch (DbUpdateException)
        {
            // A unique or foreign key refused the change: a colleague (or a double click) saved the same thing
            // a moment ago. Nothing was saved.
            db.ChangeTracker.Clear();
            report(ClashMessage);
        }

        return false;
    }
}
