using Marketplace.Tests.Integration.Hours;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Reimbursements;

/// <summary>Funds, approved running budgets with plan lines and booked expenses, written straight to a town's database.</summary>
public static class ReimbursementSetup
{
    public sealed record Budget(int Id, int FundId, int OrganisationId, int Travel, int Material, int Other);

    /// <summary>An approved budget running today, of the organisation, with travel, material and other lines.</summary>
    public static async Task<Budget> BudgetAsync(this MarketplaceFactory app, string slug, int organisationId, string applicant,
        ProjectBudgetStatus status = ProjectBudgetStatus.Approved, string? title = null, DateOnly? startsOn = null, DateOnly? endsOn = null)
    {
        var applicantId = await app.UserIdAsync(applicant);
        var today = HoursSetup.TownToday();
        return await app.InTownAsync(slug, async db =>
        {
            var fund = db.Funds.Add(new Fund
            {
                Name = OrganisationSetup.UniqueName("Integrationsfonds"), Source = FundSource.MunicipalBudget, Programme = "Ehrenamt stärken",
                AmountCents = 10_000_00, AllocatedCents = 1_000_00, StartsOn = today.AddYears(-1), EndsOn = today.AddYears(1), CreatedAt = DateTimeOffset.UtcNow,
            }).Entity;
            await db.SaveChangesAsync();
            var budget = db.ProjectBudgets.Add(new ProjectBudget
            {
                OrganisationId = organisationId, FundId = fund.Id, Title = title ?? OrganisationSetup.UniqueName("Begleitung zu Ämtern"),
                Description = "Begleitung", Goals = "Selbstständigkeit", StartsOn = startsOn ?? today.AddMonths(-2), EndsOn = endsOn ?? today.AddMonths(6),
                RequestedCents = 1_000_00, GrantedCents = 1_000_00, Status = status, AppliedByUserId = applicantId, AppliedAt = DateTimeOffset.UtcNow,
                Lines =
                [
                    new BudgetPlanLine { Line = CostLines.Travel, RequestedCents = 400_00, ApprovedCents = 400_00 },
                    new BudgetPlanLine { Line = CostLines.Material, RequestedCents = 400_00, ApprovedCents = 400_00 },
                    new BudgetPlanLine { Line = CostLines.Other, RequestedCents = 200_00, ApprovedCents = 200_00 },
                ],
            }).Entity;
            await db.SaveChangesAsync();
            var line = budget.Lines.ToDictionary(l => l.Line, l => l.Id);
            return new Budget(budget.Id, fund.Id, organisationId, line[CostLines.Travel], line[CostLines.Material], line[CostLines.Other]);
        });
    }

    /// <summary>An expense or claim already decided, booked against the budget and its line.</summary>
    public static Task<int> BookedAsync(this MarketplaceFactory app, string slug, Budget budget, int lineId, string submitter, long cents,
        ExpenseKind kind, string payee, string purpose, bool business = false, ExpenseStatus status = ExpenseStatus.Approved, DateOnly? spentOn = null,
        ReimbursementType? type = null) =>
        app.InTownAsync(slug, async db =>
        {
            var userId = await db.Users.Where(u => u.UserName == submitter).Select(u => u.Id).SingleAsync();
            var expense = db.Expenses.Add(new Expense
            {
                ProjectBudgetId = budget.Id, PlanLineId = lineId, Kind = kind, SubmittedByUserId = userId, SubmittedAt = DateTimeOffset.UtcNow,
                AmountCents = cents, SpentOn = spentOn ?? HoursSetup.TownToday(), Payee = payee, PayeeIsBusiness = business, Purpose = purpose,
                ReimbursementType = kind == ExpenseKind.Reimbursement ? type ?? ReimbursementType.PublicTransport : null,
                PayeeIban = kind == ExpenseKind.Reimbursement ? "DE89370400440532013000" : null, Status = status,
                ApprovedAt = status is ExpenseStatus.Approved or ExpenseStatus.Paid ? DateTimeOffset.UtcNow : null,
            }).Entity;
            if (status is ExpenseStatus.Approved or ExpenseStatus.Paid)
            {
                await db.ProjectBudgets.Where(b => b.Id == budget.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.SpentCents, b => b.SpentCents + cents));
                await db.BudgetPlanLines.Where(l => l.Id == lineId).ExecuteUpdateAsync(s => s.SetProperty(l => l.SpentCents, l => l.SpentCents + cents));
            }

            await db.SaveChangesAsync();
            return expense.Id;
        });

    public static Task<List<Expense>> ClaimsOfAsync(this MarketplaceFactory app, string slug, string userName) =>
        app.InTownAsync(slug, async db =>
        {
            var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
            return await db.Expenses.AsNoTracking().Where(e => e.SubmittedByUserId == userId).OrderBy(e => e.Id).ToListAsync();
        });
}
