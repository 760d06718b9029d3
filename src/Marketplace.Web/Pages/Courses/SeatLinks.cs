using Marketplace.Web.Data;
using Marketplace.Web.Mail;
using Marketplace.Web.Pages.Matches;

namespace Marketplace.Web.Pages.Courses;

/// <summary>The seat and waiting-list links from mail: the token is used in the same transaction as the change it makes.</summary>
public static class SeatLinks
{
    private const int Attempts = 6;

    /// <summary>
    /// Uses the token and applies the change in one transaction; when the change finds nothing open, both roll back. A
    /// conflict or busy lock retries the whole step.
    /// </summary>
    public static async Task<LinkState> RedeemAsync(AppDbContext db, OneClickTokens tokens, Guid tokenId, string action, Func<Task<bool>> apply)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                if (!await tokens.RedeemAsync(tokenId, action))
                {
                    return LinkState.Used;
                }

                if (!await apply())
                {
                    await transaction.RollbackAsync();
                    return LinkState.NotOpen;
                }

                await transaction.CommitAsync();
                return LinkState.Done;
            }
            catch (Exception e) when (attempt < Attempts && SerializableWork.IsConflict(e))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(10, 40) * attempt);
            }
        }
    }
}
