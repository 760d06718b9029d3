namespace Marketplace.Web.Data;

public static partial class DemoBudgets
{
    /// <summary>The demo town's funds, projects of the demo organisations with their plans and the office's review.</summary>
    private static Task SeedFundsAndProjectsAsync(AppDbContext db, DemoData.Town town, DateTimeOffset now) => Task.CompletedTask;
}
