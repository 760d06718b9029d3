using System.Globalization;
using CsvHelper;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Budgets;

/// <summary>
/// What the public transparency page is asked for: fund, project and year, and the page of each of its three lists
/// (expenses, projects, reimbursements); the same filter is the cache key.
/// </summary>
public sealed record TransparencyFilter(int? FundId, int? ProjectId, int? Year, int Page, int ProjectPage = 1, int CellPage = 1);

public sealed record PublicFund(int Id, string Name, FundSource Source, string? Programme, long AmountCents, long AllocatedCents)
{
    public long RemainingCents => AmountCents - AllocatedCents;
}

public sealed record PublicLineSpent(CostLines Line, long SpentCents);

public sealed record PublicProject(int Id, string Organisation, string Project, int FundId, string Fund, long GrantedCents, long SpentCents,
    IReadOnlyList<PublicLineSpent> Lines)
{
    public long RemainingCents => GrantedCents - SpentCents;
}

/// <summary>A project to pick in the filter.</summary>
public sealed record ProjectChoice(int Id, string Organisation, string Project);

/// <summary>
/// One approved or paid expense as the public may see it: a purpose and a payee only for an organisation's expense, the
/// payee only when it is a business; a reimbursement is just "Auslagenersatz" of its type, without person or purpose.
/// </summary>
public sealed record PublicExpense(DateOnly SpentOn, ExpenseKind Kind, string? Purpose, ReimbursementType? ReimbursementType, CostLines Line,
    long AmountCents, string? BusinessPayee, string Organisation, string Project);

/// <summary>
/// Reimbursements of one project in one month, or in the whole year when <see cref="Month"/> is null; the number of
/// people only from <see cref="TransparencyLedger.MinPeople"/> on.
/// </summary>
public sealed record ReimbursementCell(int ProjectId, string Organisation, string Project, int? Month, long AmountCents, int Claims, int? People);

/// <summary>
/// One page of the public ledger. Projects and the yearly reimbursement sums are paged by <see cref="TransparencyLedger.ProjectPageSize"/>
/// (their page numbers here are the ones shown, at most the last page); the per-month reimbursement cells are there only
/// for a chosen project. <see cref="Version"/> keys the page's rendered parts, which are kept as long as this answer.
/// </summary>
public sealed record TransparencyAnswer(IReadOnlyList<PublicFund> Funds, IReadOnlyList<ProjectChoice> Choices,
    IReadOnlyList<PublicProject> Projects, int ProjectCount, int ProjectPage,
    IReadOnlyList<PublicExpense> Expenses, int ExpenseCount, int PageSize,
    int CellsYear, bool CellsByMonth, IReadOnlyList<ReimbursementCell> ReimbursementCells, int CellCount, int CellPage, IReadOnlyList<int> Years)
{
    public Guid Version { get; } = Guid.NewGuid();

    public int PageCount => Math.Max(1, (ExpenseCount + PageSize - 1) / PageSize);

    public int ProjectPageCount => TransparencyLedger.PagesOf(ProjectCount);

    public int CellPageCount => TransparencyLedger.PagesOf(CellCount);
}

/// <summary>
/// The public ledger of a town (/transparency): funds, what each approved or closed project was granted and spent by
/// cost line, and the approved and paid expenses, without any private person's name and without receipts. Sums are
/// made in SQL and the list is paged there (the page is benched at 200 projects and 50,000 expenses); one answer per
/// filter is kept for <see cref="TransparencyCache.CacheFor"/>.
/// </summary>
public sealed class TransparencyLedger(AppDbContext db, ITenantContext tenant, TownClock townClock, TransparencyCache cache,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>Expenses to a page (50 were the page's largest part; the CSV has them all).</summary>
    public const int PageSize = 15;
    public const int MaxPage = 10_000;

    /// <summary>Projects, and yearly reimbursement sums, to a page.</summary>
    public const int ProjectPageSize = 10;

    /// <summary>Rule of three: an aggregate with fewer people behind it says nothing about them, not even how many.</summary>
    public const int MinPeople = 3;

    private static readonly ProjectBudgetStatus[] PublicBudget = [ProjectBudgetStatus.Approved, ProjectBudgetStatus.Closed];
    private static readonly ExpenseStatus[] Booked = [ExpenseStatus.Approved, ExpenseStatus.Paid];

    public DateOnly Today => townClock.Today();

    public async Task<TransparencyAnswer> AnswerAsync(TransparencyFilter filter, CancellationToken ct = default)
    {
        var townId = tenant.TenantId ?? throw new InvalidOperationException("The transparency page needs a town's scope.");
        return (await cache.GetOrLoadAsync(townId, filter, async () => await LoadAsync(filter, ct)))!;
    }

    private IQueryable<ProjectBudget> Budgets(TransparencyFilter filter)
    {
        var budgets = db.ProjectBudgets.AsNoTracking().Where(b => PublicBudget.Contains(b.Status));
        if (filter.FundId is { } fundId)
        {
            budgets = budgets.Where(b => b.FundId == fundId);
        }

        if (filter.ProjectId is { } projectId)
        {
            budgets = budgets.Where(b => b.Id == projectId);
        }

        if (filter.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var until = from.AddYears(1);
            budgets = budgets.Where(b => b.StartsOn < until && b.EndsOn >= from);
        }

        return budgets;
    }

    /// <summary>Approved and paid expenses of public budgets; the year filters by the day the money was spent.</summary>
    private IQueryable<Expense> Expenses(TransparencyFilter filter)
    {
        var expenses = db.Expenses.AsNoTracking().Where(e => Booked.Contains(e.Status) && PublicBudget.Contains(e.ProjectBudget!.Status));
        if (filter.FundId is { } fundId)
        {
            expenses = expenses.Where(e => e.ProjectBudget!.FundId == fundId);
        }

        if (filter.ProjectId is { } projectId)
        {
            expenses = expenses.Where(e => e.ProjectBudgetId == projectId);
        }

        if (filter.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var until = from.AddYears(1);
            expenses = expenses.Where(e => e.SpentOn >= from && e.SpentOn < until);
        }

        return expenses;
    }

    /// <summary>Only the columns the public sees leave the database: no payee of a private person, no IBAN, no receipt.</summary>
    private static IQueryable<PublicExpense> Public(IQueryable<Expense> expenses) =>
        expenses.Select(e => new PublicExpense(e.SpentOn, e.Kind, e.Kind == ExpenseKind.Expense ? e.Purpose : null, e.ReimbursementType,
            e.PlanLine!.Line, e.AmountCents, e.Kind == ExpenseKind.Expense && e.PayeeIsBusiness ? e.Payee : null,
            e.ProjectBudget!.Organisation!.Name, e.ProjectBudget.Title));

    private async Task<TransparencyAnswer> LoadAsync(TransparencyFilter filter, CancellationToken ct)
    {
        var funds = await db.Funds.AsNoTracking()
            .Where(f => filter.FundId == null || f.Id == filter.FundId)
            .OrderBy(f => f.Name)
            .Select(f => new PublicFund(f.Id, f.Name, f.Source, f.Programme, f.AmountCents, f.AllocatedCents))
            .ToListAsync(ct);

        // The projects to pick from: those of the chosen fund and year, whichever project is chosen; without a fund only
        // the chosen project (all 200 of a town as options were a fifth of the page; each project's name links its filter).
        var choices = filter.FundId is null && filter.ProjectId is null
            ? []
            : await Budgets(filter.FundId is null ? filter : filter with { ProjectId = null })
                .OrderBy(b => b.Organisation!.Name).ThenBy(b => b.Title).ThenBy(b => b.Id)
                .Select(b => new ProjectChoice(b.Id, b.Organisation!.Name, b.Title))
                .ToListAsync(ct);

        var budgets = Budgets(filter);
        var projectCount = await budgets.CountAsync(ct);
        var projectPage = Math.Clamp(filter.ProjectPage, 1, PagesOf(projectCount));
        var projects = await budgets
            .OrderBy(b => b.Organisation!.Name).ThenBy(b => b.Title).ThenBy(b => b.Id)
            .Skip((projectPage - 1) * ProjectPageSize).Take(ProjectPageSize)
            .Select(b => new { b.Id, Organisation = b.Organisation!.Name, b.Title, b.FundId, Fund = b.Fund!.Name, b.GrantedCents, b.SpentCents })
            .ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var lines = (await db.BudgetPlanLines.AsNoTracking()
                .Where(l => ids.Contains(l.ProjectBudgetId))
                .GroupBy(l => new { l.ProjectBudgetId, l.Line })
                .Select(g => new { g.Key.ProjectBudgetId, g.Key.Line, Spent = g.Sum(l => l.SpentCents) })
                .ToListAsync(ct))
            .ToLookup(x => x.ProjectBudgetId);

        var expenses = Expenses(filter);
        var count = await expenses.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, MaxPage);
        var rows = await Public(expenses.OrderByDescending(e => e.SpentOn).ThenByDescending(e => e.Id))
            .Skip((page - 1) * PageSize).Take(PageSize)
            .ToListAsync(ct);

        var cellsYear = filter.Year ?? Today.Year;
        var cells = await ReimbursementCellsAsync(filter with { Year = cellsYear }, ct);
        var cellPage = Math.Clamp(filter.CellPage, 1, PagesOf(cells.Count));

        var span = await db.ProjectBudgets.Where(b => PublicBudget.Contains(b.Status))
            .GroupBy(_ => 1)
            .Select(g => new { First = g.Min(b => b.StartsOn), Last = g.Max(b => b.EndsOn) })
            .SingleOrDefaultAsync(ct);
        var lastYear = span is null ? Today.Year : Math.Max(span.First.Year, Math.Min(span.Last.Year, Today.Year));
        var years = Enumerable.Range(span?.First.Year ?? lastYear, lastYear - (span?.First.Year ?? lastYear) + 1).Reverse().ToList();

        return new TransparencyAnswer(
            funds,
            choices,
            projects.Select(p => new PublicProject(p.Id, p.Organisation, p.Title, p.FundId, p.Fund, p.GrantedCents, p.SpentCents,
                BudgetRules.Lines.Select(line => new PublicLineSpent(line, lines[p.Id].Where(x => x.Line == line).Sum(x => x.Spent))).ToList())).ToList(),
            projectCount, projectPage,
            rows, count, PageSize,
            cellsYear, filter.ProjectId is not null, cells.Skip((cellPage - 1) * ProjectPageSize).Take(ProjectPageSize).ToList(), cells.Count, cellPage,
            years);
    }

    /// <summary>How many pages of <see cref="ProjectPageSize"/> a list of projects fills; one when it is empty.</summary>
    public static int PagesOf(int count) => Math.Max(1, (count + ProjectPageSize - 1) / ProjectPageSize);

    /// <summary>
    /// Reimbursements of one year, summed in SQL: per month for a chosen project, otherwise one sum per project (the
    /// monthly cells of 200 projects were 2,400 rows). How many people are behind a cell is said only from three on.
    /// </summary>
    private async Task<IReadOnlyList<ReimbursementCell>> ReimbursementCellsAsync(TransparencyFilter filter, CancellationToken ct)
    {
        var reimbursements = Expenses(filter).Where(e => e.Kind == ExpenseKind.Reimbursement);
        var cells = filter.ProjectId is null
            ? await reimbursements
                .GroupBy(e => e.ProjectBudgetId)
                .Select(g => new
                {
                    ProjectBudgetId = g.Key,
                    Month = (int?)null,
                    Amount = g.Sum(e => e.AmountCents),
                    Claims = g.Count(),
                    People = g.Select(e => e.SubmittedByUserId).Distinct().Count(),
                })
                .ToListAsync(ct)
            : await reimbursements
                .GroupBy(e => new { e.ProjectBudgetId, e.SpentOn.Month })
                .Select(g => new
                {
                    g.Key.ProjectBudgetId,
                    Month = (int?)g.Key.Month,
                    Amount = g.Sum(e => e.AmountCents),
                    Claims = g.Count(),
                    People = g.Select(e => e.SubmittedByUserId).Distinct().Count(),
                })
                .ToListAsync(ct);
        if (cells.Count == 0)
        {
            return [];
        }

        var ids = cells.Select(c => c.ProjectBudgetId).Distinct().ToList();
        var names = await db.ProjectBudgets.AsNoTracking().Where(b => ids.Contains(b.Id))
            .Select(b => new { b.Id, Organisation = b.Organisation!.Name, b.Title })
            .ToDictionaryAsync(b => b.Id, ct);
        return cells
            .Select(c => new ReimbursementCell(c.ProjectBudgetId, names[c.ProjectBudgetId].Organisation, names[c.ProjectBudgetId].Title, c.Month,
                c.Amount, c.Claims, c.People >= MinPeople ? c.People : null))
            // Ordinal, as the database orders the projects: the answer is shared by readers of every language.
            .OrderBy(c => c.Organisation, StringComparer.Ordinal).ThenBy(c => c.Project, StringComparer.Ordinal)
            .ThenBy(c => c.ProjectId).ThenBy(c => c.Month)
            .ToList();
    }

    /// <summary>
    /// Every row of the filter as CSV: UTF-8 with a byte order mark and ";" for German Excel, amounts in euros with a
    /// point, formula-like cells (= + - @ at the start) escaped by CsvHelper. Not cached: it is asked for rarely.
    /// </summary>
    public async Task<byte[]> CsvAsync(TransparencyFilter filter, CancellationToken ct = default)
    {
        var options = new CsvWriterOptions { Separator = ';', Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, options, leaveOpen: true))
        {
            foreach (var header in new[] { "Reimb_ColDate", "Reimb_ColOrganisation", "Reimb_ColProject", "Reimb_ColPurpose", "Reimb_ColLine", "Reimb_ColPayee", "Reimb_ColAmountEuro" })
            {
                csv.WriteField(l[header].Value);
            }

            csv.EndRecord();
            await foreach (var row in Public(Expenses(filter).OrderBy(e => e.SpentOn).ThenBy(e => e.Id)).AsAsyncEnumerable().WithCancellation(ct))
            {
                csv.WriteField(row.SpentOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(row.Organisation);
                csv.WriteField(row.Project);
                csv.WriteField(PurposeOf(row));
                csv.WriteField(l["Reimb_Line_" + row.Line].Value);
                csv.WriteField(row.BusinessPayee ?? "");
                csv.WriteField(Money.ToEuros(row.AmountCents).ToString("0.00", CultureInfo.InvariantCulture));
                csv.EndRecord();
            }
        }

        return output.ToArray();
    }

    /// <summary>What the public reads as the purpose: a reimbursement is only "Auslagenersatz" and its type.</summary>
    public string PurposeOf(PublicExpense row) =>
        row.Kind == ExpenseKind.Reimbursement
            ? l["Reimb_PublicReimbursement", l["Reimb_Type_" + (row.ReimbursementType ?? ReimbursementType.Other)].Value].Value
            : row.Purpose ?? "";
}

/// <summary>
/// The town's public transparency answers, the same for every reader: kept per instance for at most
/// <see cref="CacheFor"/>; a save on this instance of funds, budgets, plan lines, expenses or organisations forgets the
/// town's answers at once (Data/ReferenceDataInvalidation). Approvals book with conditional updates that no save sees, so
/// after one the page may be up to <see cref="CacheFor"/> behind, like other instances.
/// </summary>
public sealed class TransparencyCache() : ScopedCache<Guid>(CacheFor, MaxEntries)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    public const int MaxEntries = 10_000;
}
