using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

/// <summary>
/// Changes an account makes to its own rows in every town it belongs to, from whichever town's host it is on. They go
/// past the tenant filter, which only code in Data/ and Tenancy/ may do, and touch only that account's rows.
/// </summary>
public static class AccountWideWrites
{
    /// <summary>The account has no phone number any more: it is shared in none of its conversations, so a new number is not shared by itself.</summary>
    public static async Task StopSharingPhoneAsync(AppDbContext db, string userId)
    {
        await db.Conversations.IgnoreQueryFilters().Where(c => c.OwnerUserId == userId && c.OwnerSharesPhone)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerSharesPhone, false));
        await db.Conversations.IgnoreQueryFilters().Where(c => c.RespondentUserId == userId && c.RespondentSharesPhone)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RespondentSharesPhone, false));
    }
}
