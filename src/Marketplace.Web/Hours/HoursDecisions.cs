using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Hours;

/// <summary>
/// A coordinator's yes or no to logged hours. Each row moves with one conditional update ("only while pending"), so
/// two coordinators deciding the same row at once decide it once; its audit entry is saved in the same transaction.
/// Nobody decides on hours they logged themselves (<see cref="SelfDecision"/>).
/// </summary>
public sealed class HoursDecisions(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>The rows of these ids that are in this town (the tenant filter), pending or not.</summary>
    public Task<int> CountInTownAsync(IReadOnlyCollection<int> ids) => db.VolunteerHours.CountAsync(h => ids.Contains(h.Id));

    /// <summary>Whether the coordinator logged any of these rows: then they decide none of them.</summary>
    public async Task<bool> IncludesOwnAsync(IReadOnlyCollection<int> ids, string coordinatorUserId)
    {
        var volunteers = await db.VolunteerHours.Where(h => ids.Contains(h.Id)).Select(h => h.UserId).Distinct().ToListAsync();
        return SelfDecision.IsOwn(coordinatorUserId, volunteers);
    }

    /// <summary>
    /// Decides the pending rows among the ids and returns how many it decided; decided rows stay as they are. The caller
    /// has refused the coordinator's own rows (<see cref="IncludesOwnAsync"/>) with a message; here they would be a bug.
    /// </summary>
    public async Task<int> DecideAsync(IReadOnlyCollection<int> ids, bool approve, string coordinatorUserId)
    {
        if (await IncludesOwnAsync(ids, coordinatorUserId))
        {
            throw new InvalidOperationException("Nobody decides on hours they logged themselves.");
        }

        var status = approve ? HoursStatus.Approved : HoursStatus.Rejected;
        var now = clock.GetUtcNow();
        var decided = 0;
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var id in ids.Distinct().Order())
        {
            var changed = await db.VolunteerHours.Where(h => h.Id == id && h.Status == HoursStatus.Pending).ExecuteUpdateAsync(s => s
                .SetProperty(h => h.Status, status)
                .SetProperty(h => h.DecidedByUserId, coordinatorUserId)
                .SetProperty(h => h.DecidedAt, now));
            if (changed == 1)
            {
                audit.Record(approve ? AuditAction.ApprovedHours : AuditAction.RejectedHours, "hours", id, actorUserId: coordinatorUserId);
                decided++;
            }
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return decided;
    }
}
