namespace Marketplace.Web.Data;

public static partial class DemoBudgets
{
    /// <summary>The demo town's expenses with receipts in every state.</summary>
    private static Task SeedExpensesAsync(AppDbContext db, DemoData.Town town, DateTimeOffset now) => Task.CompletedTask;
}
