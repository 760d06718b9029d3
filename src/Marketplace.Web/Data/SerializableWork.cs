using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

/// <summary>
/// Check-and-write steps that must not interleave (e.g. "step back unless it is the last admin") run in a serializable
/// transaction. PostgreSQL then aborts one of two conflicting transactions instead of letting both succeed; the retry
/// sees the other's result.
/// </summary>
public static class SerializableWork
{
    private const int Attempts = 4;

    public static async Task<T> RunSerializableAsync<T>(this AppDbContext db, Func<Task<T>> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
                var result = await work();
                await transaction.CommitAsync();
                return result;
            }
            catch (Exception e) when (attempt < Attempts && IsConflict(e))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 25) * attempt);
            }
        }
    }

    /// <summary>
    /// A serialization failure or lock timeout; the provider's execution strategy wraps it in an
    /// InvalidOperationException, so the inner exception counts too.
    /// </summary>
    public static bool IsConflict(Exception e) =>
        e is DbException { IsTransient: true } || e.InnerException is DbException { IsTransient: true };
}
