using Marketplace.Tests.Integration.Hours;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Effects;

/// <summary>An approved organisation with a project budget, its plan, expenses and indicators, written straight to a town's database.</summary>
public static class EffectsSetup
{
    public const string Town = "erlangen";

    public sealed record Project(int OrganisationId, string Admin, string Member, int BudgetId, int MaterialLine, int TravelLine)
    {
        public string Path => $"/organisations/{OrganisationId}/budgets/{BudgetId}";
    }

    /// <summary>
    /// A fresh organisation (admin and member) with an approved project of 1,000 € granted (600 € material, 400 € travel),
    /// running through this year, from a fund that counts volunteer hours when <paramref name="countsHours"/>.
    /// </summary>
    public static async Task<Project> ProjectAsync(this MarketplaceFactory app, string slug = Town, bool countsHours = true, string? goalArea = null,
        string? adminUserName = null)
    {
        var admin = adminUserName ?? await app.NewMemberAsync(slug, "ea");
        var member = await app.NewMemberAsync(slug, "em");
        var organisationId = await app.CreateOrganisationAsync(slug, admin, OrganisationSetup.UniqueName("Sprachcafé"), OrganisationStatus.Approved);
        await app.AddMemberAsync(slug, organisationId, member, OrganisationRole.Member);
        var year = HoursSetup.TownToday().Year;
        var adminId = await app.UserIdAsync(admin);
        return await app.InTownAsync(slug, async db =>
        {
            var fund = new Fund
            {
                Name = OrganisationSetup.UniqueName("Integrationsfonds"), Source = FundSource.MunicipalBudget, AmountCents = 50_000_00, AllocatedCents = 1_000_00,
                StartsOn = new DateOnly(year - 1, 1, 1), EndsOn = new DateOnly(year + 1, 12, 31), CountsVolunteerHours = countsHours, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Funds.Add(fund);
            await db.SaveChangesAsync();
            var budget = new ProjectBudget
            {
                OrganisationId = organisationId, FundId = fund.Id, Title = OrganisationSetup.UniqueName("Deutsch im Alltag"), Description = "Ein Sprachcafé.",
                Goals = "Neuzugewanderte sprechen im Alltag sicherer Deutsch.", GoalArea = goalArea ?? OrganisationSetup.UniqueName("Teilhabe"),
                EffectGoal = "Geflüchtete finden sich im Alltag selbstständig zurecht", TargetGroup = "Neuzugewanderte", Influence = Influence.High,
                StartsOn = new DateOnly(year - 1, 1, 1), EndsOn = new DateOnly(year, 12, 31), RequestedCents = 1_000_00, GrantedCents = 1_000_00,
                Status = ProjectBudgetStatus.Approved, AppliedByUserId = adminId, AppliedAt = DateTimeOffset.UtcNow,
            };
            budget.Lines.Add(new BudgetPlanLine { Line = CostLines.Material, RequestedCents = 600_00, ApprovedCents = 600_00 });
            budget.Lines.Add(new BudgetPlanLine { Line = CostLines.Travel, RequestedCents = 400_00, ApprovedCents = 400_00 });
            db.ProjectBudgets.Add(budget);
            await db.SaveChangesAsync();
            return new Project(organisationId, admin, member, budget.Id, budget.Lines[0].Id, budget.Lines[1].Id);
        });
    }

    /// <summary>An expense in the given state; booked ones (Approved, Paid) also add to the budget's and the line's SpentCents.</summary>
    public static Task<int> ExpenseAsync(this MarketplaceFactory app, Project project, int lineId, long cents, ExpenseStatus status, DateOnly spentOn,
        string purpose, ExpenseKind kind = ExpenseKind.Expense, string? submitter = null, DateTimeOffset? approvedAt = null, string slug = Town) =>
        app.InTownAsync(slug, async db =>
        {
            var submitterId = await db.Users.Where(u => u.UserName == (submitter ?? project.Member)).Select(u => u.Id).SingleAsync();
            var booked = status is ExpenseStatus.Approved or ExpenseStatus.Paid;
            var expense = new Expense
            {
                ProjectBudgetId = project.BudgetId, PlanLineId = lineId, Kind = kind, SubmittedByUserId = submitterId, SubmittedAt = DateTimeOffset.UtcNow,
                AmountCents = cents, SpentOn = spentOn, Payee = kind == ExpenseKind.Reimbursement ? "Privatperson Mustermann" : "Bürobedarf GmbH",
                PayeeIsBusiness = kind == ExpenseKind.Expense, Purpose = purpose, Status = status,
                ReimbursementType = kind == ExpenseKind.Reimbursement ? ReimbursementType.PublicTransport : null,
                ApprovedAt = booked ? approvedAt ?? DateTimeOffset.UtcNow : null, PaidOn = status == ExpenseStatus.Paid ? spentOn.AddDays(3) : null,
            };
            db.Expenses.Add(expense);
            await db.SaveChangesAsync();
            if (booked)
            {
                await db.ProjectBudgets.Where(b => b.Id == project.BudgetId).ExecuteUpdateAsync(s => s.SetProperty(b => b.SpentCents, b => b.SpentCents + cents));
                await db.BudgetPlanLines.Where(l => l.Id == lineId).ExecuteUpdateAsync(s => s.SetProperty(l => l.SpentCents, l => l.SpentCents + cents));
            }

            return expense.Id;
        });

    public static Task<int> IndicatorAsync(this MarketplaceFactory app, Project project, int target, params (DateOnly Start, int Value)[] values) =>
        app.InTownAsync(Town, async db =>
        {
            var recorder = await db.Users.Where(u => u.UserName == project.Admin).Select(u => u.Id).SingleAsync();
            var indicator = new Indicator
            {
                ProjectBudgetId = project.BudgetId, Step = EffectStep.Effect, Name = "Teilnehmende mit nächster Stufe", Definition = "Nach Zertifikat.",
                Unit = "Personen", Target = target, Period = MeasuringPeriod.Quarterly, CreatedAt = DateTimeOffset.UtcNow,
            };
            foreach (var (start, value) in values)
            {
                indicator.Values.Add(new IndicatorValue
                {
                    PeriodStart = start, PeriodEnd = start.AddMonths(3).AddDays(-1), Value = value, Note = "Ferienzeit", RecordedByUserId = recorder,
                    RecordedAt = DateTimeOffset.UtcNow,
                });
            }

            db.Indicators.Add(indicator);
            await db.SaveChangesAsync();
            return indicator.Id;
        });
}
