using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Security;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Adds audit entries to the caller's unit of work: a change and its entry are saved together, so the log never
/// claims a change that was rolled back nor misses one that was made. Views are saved at once by <see cref="ViewedAsync"/>.
/// </summary>
public sealed class AuditLog(AppDbContext db, CurrentMember member, TimeProvider clock)
{
    public void Record(AuditAction action, string subjectType, object subjectId, string? detail = null, string? actorUserId = null)
    {
        var actor = actorUserId ?? member.UserId ?? throw new InvalidOperationException("An audited action needs a signed-in actor.");
        db.AuditEntries.Add(new AuditEntry
        {
            ActorUserId = actor,
            At = clock.GetUtcNow(),
            Action = action,
            SubjectType = subjectType,
            SubjectId = Convert.ToString(subjectId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Detail = detail is { Length: > AuditEntry.DetailMaxLength } ? detail[..AuditEntry.DetailMaxLength] : detail,
        });
    }

    /// <summary>A look at personal data: recorded and saved before the data is shown.</summary>
    public async Task ViewedAsync(AuditAction action, string subjectType, object subjectId, string? detail = null)
    {
        Record(action, subjectType, subjectId, detail);
        await db.SaveChangesAsync();
    }
}
