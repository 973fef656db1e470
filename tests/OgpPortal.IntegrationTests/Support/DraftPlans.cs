using Microsoft.EntityFrameworkCore;
using OgpPortal.Domain.ActionPlans;
using OgpPortal.Domain.Commitments;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests.Support;

/// <summary>Draft plans made for a test, beside the demo data.</summary>
public static class DraftPlans
{
    private static int _nextKenyaPlan = 8;

    /// <summary>A new Kenyan draft plan with one commitment, numbered so tests never clash.</summary>
    public static Task<int> KenyaDraftAsync(this PortalAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Code == "KE");
            var number = Interlocked.Increment(ref _nextKenyaPlan);
            var draft = ActionPlan.CreateDraft(member, number, $"Kenya's action plan {number}", new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31));
            draft.AddCommitment($"KE{9000 + number}", new CommitmentText("Open county budgets in one portal", null, null, null, null, "The National Treasury", null, null, null));
            db.ActionPlans.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });
    }
}
