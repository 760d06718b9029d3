using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Budgets;

/// <summary>
/// A member's approved and paid claims of one calendar year, by the day the money was spent (a town calendar date, so
/// the year is the town's), against the tax-free allowances. Only warnings come of it (<see cref="ReimbursementRules"/>).
/// </summary>
public sealed class ReimbursementAllowances(AppDbContext db, TownClock townClock)
{
    public DateOnly Today => townClock.Today();

    public async Task<AllowanceStanding> ForAsync(string userId, int year, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var until = from.AddYears(1);
        // A member has few claims a year: reading them and adding up here keeps the month arithmetic out of provider SQL.
        var claims = await db.Expenses.AsNoTracking()
            .Where(e => e.Kind == ExpenseKind.Reimbursement && e.SubmittedByUserId == userId
                && (e.Status == ExpenseStatus.Approved || e.Status == ExpenseStatus.Paid)
                && e.SpentOn >= from && e.SpentOn < until)
            .Select(e => new { e.SpentOn, e.AmountCents })
            .ToListAsync(ct);
        var months = new long[12];
        foreach (var claim in claims)
        {
            months[claim.SpentOn.Month - 1] += claim.AmountCents;
        }

        var today = Today;
        return new AllowanceStanding(year, months.Sum(), months, year == today.Year ? today.Month : 12);
    }
}

/// <summary>Whose allowances of which year a page shows (the model of Pages/Me/_ReimbursementAllowance).</summary>
public sealed record AllowanceRequest(string UserId, int Year);
