using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

/// <summary>
/// A demo town's money: funds ("Menschen stärken Menschen", the municipal integration fund, a foundation), projects of
/// the demo organisations with plans, expenses and reimbursements in every state, indicators with values, and what last
/// year's effect report is made of. Running it again changes nothing. Each part lives in its own file (DemoBudgets.*.cs).
/// </summary>
public static partial class DemoBudgets
{
    public static async Task SeedAsync(AppDbContext db, DemoData.Town town, DateTimeOffset now)
    {
        if (await db.Funds.AnyAsync())
        {
            return;
        }

        await SeedFundsAndProjectsAsync(db, town, now);
        await SeedExpensesAsync(db, town, now);
        await SeedReimbursementsAsync(db, town, now);
        await SeedEffectsAsync(db, town, now);
    }

}
