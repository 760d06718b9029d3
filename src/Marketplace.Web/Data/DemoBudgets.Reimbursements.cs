namespace Marketplace.Web.Data;

public static partial class DemoBudgets
{
    /// <summary>The demo town's volunteers' reimbursement claims.</summary>
    private static Task SeedReimbursementsAsync(AppDbContext db, DemoData.Town town, DateTimeOffset now) => Task.CompletedTask;
}
