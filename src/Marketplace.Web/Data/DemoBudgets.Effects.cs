namespace Marketplace.Web.Data;

public static partial class DemoBudgets
{
    /// <summary>The demo town's indicators with values and what last year's effect report is made of.</summary>
    private static Task SeedEffectsAsync(AppDbContext db, DemoData.Town town, DateTimeOffset now) => Task.CompletedTask;
}
