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

/// <summary>What the public transparency page is asked for; the same filter is the cache key.</summary>
public sealed record TransparencyFilter(int? FundId, int? ProjectId, int? Year, int Page);

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

/// <summary>
/// One approved or paid expense as the public may see it: a purpose and a payee only for an organisation's expense, the
/// payee only when it is a business; a reimbursement is just "Auslagenersatz" of its type, without person or purpose.
/// </summary>
public sealed record PublicExpense(DateOnly SpentOn, ExpenseKind Kind, string? Purpose, ReimbursementType? ReimbursementType, CostLines Line,
    long AmountCents, string? BusinessPayee, string Organisation, string Project);

/// <summary>Reimbursements of one project in one month; the number of people only from <see cref="TransparencyLedger.MinPeople"/> on.</summary>
public sealed record ReimbursementCell(string Organisation, string Project, int Month, long AmountCents, int Claims, int? People);

public sealed record TransparencyAnswer(IReadOnlyList<PublicFund> Funds, IReadOnlyList<PublicProject> Projects, IReadOnlyList<PublicExpense> Expenses,
    int ExpenseCount, int PageSize, int CellsYear, IReadOnlyList<ReimbursementCell> ReimbursementCells, IReadOnlyList<int> Years)
{
    public int PageCount => Math.Max(1, (ExpenseCount + PageSize - 1) / PageSize);
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
    public const int PageSize = 50;
    public const int MaxPage = 10_000;
    public const int MaxCells = 1_000;

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

        var budgets = Budgets(filter);
        var projects = await budgets
            .OrderBy(b => b.Organisation!.Name).ThenBy(b => b.Title).ThenBy(b => b.Id)
            .Select(b => new { b.Id, Organisation = b.Organisation!.Name, b.Title, b.FundId, Fund = b.Fund!.Name, b.GrantedCents, b.SpentCents })
            .ToListAsync(ct);
        var lines = (await db.BudgetPlanLines.AsNoTracking()
                .Where(l => budgets.Any(b => b.Id == l.ProjectBudgetId))
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

        var span = await db.ProjectBudgets.Where(b => PublicBudget.Contains(b.Status))
            .GroupBy(_ => 1)
            .Select(g => new { First = g.Min(b => b.StartsOn), Last = g.Max(b => b.EndsOn) })
            .SingleOrDefaultAsync(ct);
        var lastYear = span is null ? Today.Year : Math.Max(span.First.Year, Math.Min(span.Last.Year, Today.Year));
        var years = Enumerable.Range(span?.First.Year ?? lastYear, lastYear - (span?.First.Year ?? lastYear) + 1).Reverse().ToList();

        return new TransparencyAnswer(
            funds,
            projects.Select(p => new PublicProject(p.Id, p.Organisation, p.Title, p.FundId, p.Fund, p.GrantedCents, p.SpentCents,
                BudgetRules.Lines.Select(line => new PublicLineSpent(line, lines[p.Id].Where(x => x.Line == line).Sum(x => x.Spent))).ToList())).ToList(),
            rows, count, PageSize, cellsYear, cells, years);
    }

    /// <summary>
    /// Reimbursements per project and month of one year, summed in SQL; how many people are behind a cell is said only
    /// from three on.
    /// </summary>
    private async Task<IReadOnlyList<ReimbursementCell>> ReimbursementCellsAsync(TransparencyFilter filter, CancellationToken ct)
    {
        var cells = await Expenses(filter).Where(e => e.Kind == ExpenseKind.Reimbursement)
            .GroupBy(e => new { e.ProjectBudgetId, e.SpentOn.Month })
            .Select(g => new
            {
                g.Key.ProjectBudgetId,
                g.Key.Month,
                Amount = g.Sum(e => e.AmountCents),
                Claims = g.Count(),
                People = g.Select(e => e.SubmittedByUserId).Distinct().Count(),
            })
            .OrderBy(c => c.ProjectBudgetId).ThenBy(c => c.Month)
            .Take(MaxCells)
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
            .Select(c => new ReimbursementCell(names[c.ProjectBudgetId].Organisation, names[c.ProjectBudgetId].Title, c.Month, c.Amount, c.Claims,
                c.People >= MinPeople ? c.People : null))
            .OrderBy(c => c.Organisation, StringComparer.CurrentCulture).ThenBy(c => c.Project, StringComparer.CurrentCulture).ThenBy(c => c.Month)
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
