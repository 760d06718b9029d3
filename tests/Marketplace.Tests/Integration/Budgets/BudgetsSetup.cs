using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Budgets;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Budgets;

/// <summary>Funds, organisations and applications written straight to a town's database, so each test counts only its own rows.</summary>
public static class BudgetsSetup
{
    public const string Town = "erlangen";
    public const string Office = "erlangen-koordination";
    public const string TownAdmin = "erlangen-admin";

    public static readonly DateOnly Start = new(DateTime.UtcNow.Year, 1, 1);
    public static readonly DateOnly End = new(DateTime.UtcNow.Year + 1, 12, 31);

    public static Task<int> FundAsync(this MarketplaceFactory app, long amountCents, long allocatedCents = 0, CostLines lines = CostLines.All,
        string slug = Town) =>
        app.InTownAsync(slug, async db =>
        {
            var fund = new Fund
            {
                Name = OrganisationSetup.UniqueName("Testfonds"), Source = FundSource.MunicipalBudget, AmountCents = amountCents, AllocatedCents = allocatedCents,
                StartsOn = Start, EndsOn = End, EligibleLines = lines, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Funds.Add(fund);
            await db.SaveChangesAsync();
            return fund.Id;
        });

    /// <summary>A fresh member who is the admin of a new organisation (approved unless said otherwise).</summary>
    public static async Task<(string Admin, int OrganisationId)> OrganisationAsync(this MarketplaceFactory app, string slug = Town,
        OrganisationStatus status = OrganisationStatus.Approved)
    {
        var admin = await app.NewMemberAsync(slug, "bud");
        var id = await app.CreateOrganisationAsync(slug, admin, OrganisationSetup.UniqueName("Initiative"), status);
        return (admin, id);
    }

    /// <summary>A submitted application with the given plan lines (requested cents each).</summary>
    public static Task<int> ApplicationAsync(this MarketplaceFactory app, int organisationId, int fundId, string applicant,
        (CostLines Line, long Cents)[] lines, string slug = Town) =>
        app.InTownAsync(slug, async db =>
        {
            var budget = new ProjectBudget
            {
                OrganisationId = organisationId, FundId = fundId, Title = OrganisationSetup.UniqueName("Projekt"), Description = "Wir machen etwas.",
                Goals = "Etwas erreichen.", StartsOn = Start, EndsOn = End.AddDays(-1), RequestedCents = lines.Sum(l => l.Cents),
                Status = ProjectBudgetStatus.Submitted, AppliedByUserId = await db.Users.Where(u => u.UserName == applicant).Select(u => u.Id).SingleAsync(),
                AppliedAt = DateTimeOffset.UtcNow,
                Lines = lines.Select(l => new BudgetPlanLine { Line = l.Line, RequestedCents = l.Cents }).ToList(),
            };
            db.ProjectBudgets.Add(budget);
            await db.SaveChangesAsync();
            return budget.Id;
        });

    public static Task<ProjectBudget> BudgetAsync(this MarketplaceFactory app, int budgetId, string slug = Town) =>
        app.InTownAsync(slug, db => db.ProjectBudgets.AsNoTracking().Include(b => b.Lines).SingleAsync(b => b.Id == budgetId));

    public static Task<Fund> FundRowAsync(this MarketplaceFactory app, int fundId, string slug = Town) =>
        app.InTownAsync(slug, db => db.Funds.AsNoTracking().SingleAsync(f => f.Id == fundId));

    public static async Task<T> ReviewsAsync<T>(this MarketplaceFactory app, Func<BudgetReviews, Task<T>> work, string slug = Town)
    {
        await using var scope = await app.TownScopeAsync(slug);
        return await work(scope.ServiceProvider.GetRequiredService<BudgetReviews>());
    }
}
