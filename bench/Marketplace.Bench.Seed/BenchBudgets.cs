using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Bench.Seed;

/// <summary>
/// The report town's money for the budgets bench (issue 16): <see cref="ProjectCount"/> approved project budgets of
/// <see cref="OrganisationCount"/> organisations from five funds, and <see cref="ExpenseCount"/> expenses and
/// reimbursements in every state, booked consistently (a budget's and a line's spent amount is the sum of its approved
/// and paid expenses), read by <c>/transparency</c> and the office's expense queue.
/// </summary>
public static class BenchBudgets
{
    public const int OrganisationCount = 40;
    public const int ProjectCount = 200;
    public const int ExpenseCount = 50_000;

    private static readonly (FundSource Source, string Name)[] FundNames =
    [
        (FundSource.Federal, "Menschen stärken Menschen"),
        (FundSource.MunicipalBudget, "Integrationsfonds der Stadt"),
        (FundSource.FederalState, "Landesprogramm Ehrenamt"),
        (FundSource.Foundation, "Bürgerstiftung"),
        (FundSource.Donations, "Spendenfonds"),
    ];

    private static readonly string[] Purposes =
    [
        "Bastelmaterial für den Kindertreff", "Fahrkarten zur Ausländerbehörde", "Miete Gemeindesaal", "Getränke Sprachcafé",
        "Honorar Dolmetscherin", "Druck von Flyern", "Fahrt zum Jobcenter (km)", "Lebensmittel Begegnungsfest",
    ];

    private static readonly string[] Payees = ["Baumarkt Süd", "Stadtwerke Verkehr", "Kirchengemeinde St. Paul", "Getränkehandel Nord", "Copyshop Mitte"];

    /// <summary>Adds the organisations, funds, budgets and expenses in the current town's scope; submitters are the town's users.</summary>
    public static async Task AddAsync(AppDbContext db, IReadOnlyList<string> submitters, string approverId, Random rng, DateTimeOffset now)
    {
        var year = now.Year;
        var organisations = Enumerable.Range(1, OrganisationCount).Select(i => new Organisation
        {
            Type = (OrganisationType)(1 + i % 8),
            Name = $"Initiative {i:00}",
            Status = OrganisationStatus.Approved,
            CreatedAt = now.AddDays(-300),
        }).ToList();
        db.Organisations.AddRange(organisations);
        var funds = FundNames.Select(f => new Fund
        {
            Name = f.Name,
            Source = f.Source,
            AmountCents = 2_000_000_00,
            StartsOn = new DateOnly(year, 1, 1),
            EndsOn = new DateOnly(year, 12, 31),
            CountsVolunteerHours = f.Source == FundSource.MunicipalBudget,
            CreatedAt = now.AddDays(-300),
        }).ToList();
        db.Funds.AddRange(funds);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var projects = Enumerable.Range(0, ProjectCount).Select(i =>
        {
            var granted = (long)rng.Next(20, 150) * 100_00;
            var project = new ProjectBudget
            {
                OrganisationId = organisations[i % OrganisationCount].Id,
                FundId = funds[i % funds.Count].Id,
                Title = $"Projekt {i + 1}",
                Description = "Ein Projekt der Initiative im Stadtteil.",
                Goals = "Mehr Begegnung, weniger Wege allein.",
                GoalArea = i % 2 == 0 ? "Teilhabe im Alltag" : "Sprache und Bildung",
                StartsOn = new DateOnly(year, 1, 1),
                EndsOn = new DateOnly(year, 12, 31),
                RequestedCents = granted,
                GrantedCents = granted,
                Status = ProjectBudgetStatus.Approved,
                AppliedByUserId = submitters[i % submitters.Count],
                AppliedAt = now.AddDays(-200),
                ReviewedByUserId = approverId,
                ReviewedAt = now.AddDays(-190),
            };
            project.Lines.AddRange(Marketplace.Web.Domain.BudgetRules.Lines.Select(line => new BudgetPlanLine
            {
                Line = line,
                RequestedCents = granted / 6,
                ApprovedCents = granted / 6,
            }));
            return project;
        }).ToList();
        db.ProjectBudgets.AddRange(projects);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        foreach (var fund in funds)
        {
            var allocated = projects.Where(p => p.FundId == fund.Id).Sum(p => p.GrantedCents);
            await db.Funds.Where(f => f.Id == fund.Id).ExecuteUpdateAsync(f => f.SetProperty(x => x.AllocatedCents, allocated));
        }

        // 250 expenses a project, about 42 a line of which 60 % are booked: a line ends about half spent, never over.
        var perProject = ExpenseCount / ProjectCount;
        var statuses = new[]
        {
            ExpenseStatus.Paid, ExpenseStatus.Paid, ExpenseStatus.Paid, ExpenseStatus.Paid, ExpenseStatus.Approved, ExpenseStatus.Approved,
            ExpenseStatus.Submitted, ExpenseStatus.FirstApproved, ExpenseStatus.Rejected, ExpenseStatus.Incomplete,
        };
        foreach (var project in projects)
        {
            var expenses = new List<Expense>(perProject);
            for (var n = 0; n < perProject; n++)
            {
                var line = project.Lines[n % project.Lines.Count];
                var reimbursement = n % 5 == 0;
                var status = statuses[n % statuses.Length];
                var booked = status is ExpenseStatus.Approved or ExpenseStatus.Paid;
                var amount = Math.Max(100, line.ApprovedCents / 50 - rng.Next(0, 50));
                var spentOn = new DateOnly(year, 1, 1).AddDays(rng.Next(0, Math.Max(1, now.DayOfYear - 1)));
                expenses.Add(new Expense
                {
                    ProjectBudgetId = project.Id,
                    PlanLineId = line.Id,
                    Kind = reimbursement ? ExpenseKind.Reimbursement : ExpenseKind.Expense,
                    SubmittedByUserId = submitters[(n + project.Id) % submitters.Count],
                    SubmittedAt = now.AddDays(-rng.Next(1, 200)),
                    AmountCents = amount,
                    SpentOn = spentOn,
                    Payee = reimbursement ? "bench-volunteer" : Payees[n % Payees.Length],
                    PayeeIsBusiness = !reimbursement,
                    Purpose = Purposes[n % Purposes.Length],
                    ReimbursementType = reimbursement ? ReimbursementType.PublicTransport : null,
                    Status = status,
                    ApprovedByUserId = booked ? approverId : null,
                    ApprovedAt = booked ? now.AddDays(-1) : null,
                    DecisionReason = status is ExpenseStatus.Rejected or ExpenseStatus.Incomplete ? "Beleg fehlt." : null,
                    PaidOn = status == ExpenseStatus.Paid ? DateOnly.FromDateTime(now.UtcDateTime) : null,
                    PaymentReference = status == ExpenseStatus.Paid ? $"KASSE-{project.Id}-{n}" : null,
                });
                if (booked)
                {
                    line.SpentCents += amount;
                    project.SpentCents += amount;
                }
            }

            db.Expenses.AddRange(expenses);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            await db.ProjectBudgets.Where(p => p.Id == project.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.SpentCents, project.SpentCents));
            foreach (var line in project.Lines)
            {
                await db.BudgetPlanLines.Where(l => l.Id == line.Id).ExecuteUpdateAsync(l => l.SetProperty(x => x.SpentCents, line.SpentCents));
            }
        }
    }
}
