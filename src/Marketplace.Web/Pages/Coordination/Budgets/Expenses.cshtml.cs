using System.Globalization;
using Marketplace.Web.Budgets;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination.Budgets;

/// <summary>
/// The office's queue of expenses and reimbursements of the town: by default what waits for the office (second approvals,
/// handed-in expenses of own-responsibility budgets and of the office's own organisation, handed-in reimbursements), else
/// any state; filtered by kind, fund, organisation and project; paged in the database, oldest first. Approve (rejecting or
/// returning as incomplete needs a reason and a look at the receipt: a row links to the expense's page for that), mark
/// paid, and export ticked approved rows as CSV for the cash office. The decisions go through
/// <see cref="ExpenseApprovals"/>, which refuses the coordinator's own submissions.
/// The answer (count, rows, filter lists) is kept per coordinator, town and filter with the member's views
/// (<see cref="MemberViewCache"/>, 10 s): the coordinator's own decision shows on their next request on every instance
/// (<see cref="OwnWrites"/>), any decision on this instance at once, another coordinator's on another instance within 10 s.
/// The data context and the budget services are taken only on a miss or a post.
/// </summary>
public sealed class ExpensesModel(CurrentMember member, ITenantContext tenant, TownClock townClock, MemberViewCache views,
    IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Twenty, as the other lists a coordinator works through with filters: each row carries its decision forms.</summary>
    public const int PageSize = 20;
    public const string Waiting = "waiting";

    /// <summary>"waiting" (the default) or an <see cref="ExpenseStatus"/> name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public ExpenseKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Fund { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Organisation { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Project { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public sealed record Row(int Id, ExpenseKind Kind, DateTimeOffset SubmittedAt, DateOnly SpentOn, string Payee, bool PayeeIsBusiness, string Purpose,
        int OrganisationId, string Organisation, OrganisationType OrganisationType, int ProjectBudgetId, string Project, bool OwnResponsibility,
        CostLines Line, long AmountCents, ExpenseStatus Status, string SubmittedByUserId, string? FirstApprovedByUserId, int PlanLineId,
        long LineApprovedCents, long LineSpentCents, long BudgetRemainingCents)
    {
        public ExpenseFacts Facts => new(Id, ProjectBudgetId, PlanLineId, OrganisationId, OrganisationType, Kind, Status, AmountCents, SubmittedByUserId,
            FirstApprovedByUserId, OwnResponsibility, LineApprovedCents, LineSpentCents);

        /// <summary>The approval the office would give (Approved, FirstApproved) or why none.</summary>
        public ExpenseOutcome Step { get; init; }

        public bool IsOwn { get; init; }
        public bool Waiting => Status is ExpenseStatus.Submitted or ExpenseStatus.FirstApproved;
    }

    /// <summary>What one load read for one coordinator and filter; <paramref name="Version"/> is new with every load, so the rows
    /// are kept rendered exactly as long as the answer.</summary>
    private sealed record Queue(Guid Version, IReadOnlyList<Row> Rows, int Total, int PageNumber, IReadOnlyList<(int Id, string Name)> Funds,
        IReadOnlyList<(int Id, string Name)> Organisations, IReadOnlyList<(int Id, string Name)> Projects);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<(int Id, string Name)> Funds { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Organisations { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Projects { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>Tells one loaded answer from the next: the rendered rows and filters are kept under it.</summary>
    public Guid Version { get; private set; }

    /// <summary>Rows rendered and kept together (see _ExpenseQueue).</summary>
    public const int RowsPerKeptPart = 10;

    /// <summary>The key of the kept rendered rows from <paramref name="from"/> on, for this answer.</summary>
    public string KeptPart(int from) => string.Concat(_versionKey ??= Version.ToString("N"), ":", from.ToString(CultureInfo.InvariantCulture));

    private string? _versionKey;

    /// <summary>The filters, for redirects after a decision and for the forms' addresses.</summary>
    public object Filters => new { state = StateValue, kind = Kind, fund = Fund, organisation = Organisation, project = Project, p = PageNumber };

    public string StateValue => ParsedState is { } status ? status.ToString() : Waiting;

    private ExpenseStatus? ParsedState => Enum.TryParse<ExpenseStatus>(State, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null;

    /// <summary>The filters as a query string after a first parameter, for the rows' buttons and the pager.</summary>
    public string FilterQuery => _filterQuery ??= string.Concat("&state=", StateValue, Kind is { } kind ? "&kind=" + kind : "",
        Fund is { } fund ? "&fund=" + fund.ToString(CultureInfo.InvariantCulture) : "",
        Organisation is { } organisation ? "&organisation=" + organisation.ToString(CultureInfo.InvariantCulture) : "",
        Project is { } project ? "&project=" + project.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>Where a row's button sends the queue's one form (formaction); the filters and page to return to are fields of the form.</summary>
    public static string ActionUrl(string handler, int expenseId) =>
        string.Concat(Path, "?handler=", handler, "&expenseId=", expenseId.ToString(CultureInfo.InvariantCulture));

    /// <summary>This queue with the same filters on another page.</summary>
    public string PageUrl(int page) => string.Concat(Path, "?", FilterQuery[1..], "&p=", page.ToString(CultureInfo.InvariantCulture));

    public const string Path = "/coordination/budgets/expenses";

    private string? _filterQuery;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostApproveAsync(int expenseId) =>
        await DecideAsync(expenseId, (approvals, standing) => approvals.ApproveAsync(expenseId, standing, member.UserId!));

    /// <param name="paidOn">By expense, as <paramref name="reference"/>: <c>paidOn[id]</c>, <c>reference[id]</c> in the queue's one form.</param>
    public async Task<IActionResult> OnPostPaidAsync(int expenseId, Dictionary<int, DateOnly?>? paidOn, Dictionary<int, string?>? reference)
    {
        var text = reference?.GetValueOrDefault(expenseId)?.Trim();
        if (paidOn?.GetValueOrDefault(expenseId) is not { } day || day > townClock.Today() || string.IsNullOrEmpty(text) || text.Length > Expense.ReferenceMaxLength)
        {
            if (await StandingAsync(expenseId) is null)
            {
                return NotFound();
            }

            ModelState.AddModelError(string.Empty, l["Expenses_PaidInvalid"]);
            await LoadAsync();
            return this.InvalidForm("_ExpenseQueue", StatusCodes.Status400BadRequest);
        }

        return await DecideAsync(expenseId, (approvals, standing) => approvals.MarkPaidAsync(expenseId, standing, member.UserId!, day, text));
    }

    /// <summary>The ticked approved rows as CSV for the cash office (see <see cref="PaymentExport"/>); audited.</summary>
    public async Task<IActionResult> OnPostExportAsync(int[] ids)
    {
        var distinct = ids.Distinct().ToList();
        var csv = distinct.Count == 0 ? null : await Service<PaymentExport>().CsvAsync(distinct);
        if (csv is null)
        {
            ModelState.AddModelError(string.Empty, l["Expenses_ExportNone"]);
            await LoadAsync();
            return this.InvalidForm("_ExpenseQueue", StatusCodes.Status422UnprocessableEntity);
        }

        var day = townClock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(csv, "text/csv; charset=utf-8", $"auszahlungen-{tenant.Tenant!.Slug}-{day}.csv");
    }

    private T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();

    private async Task<IActionResult> DecideAsync(int expenseId, Func<ExpenseApprovals, BudgetStanding, Task<ExpenseOutcome>> decide)
    {
        if (await StandingAsync(expenseId) is not { } standing)
        {
            return NotFound();
        }

        var outcome = await decide(Service<ExpenseApprovals>(), standing);
        if (ExpenseAnswers.IsDone(outcome))
        {
            return await this.FormSucceededAsync("_ExpenseQueue", LoadAsync, l[ExpenseAnswers.MessageKey(outcome)].Value, Filters);
        }

        if (outcome == ExpenseOutcome.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, l[ExpenseAnswers.MessageKey(outcome)]);
        await LoadAsync();
        return this.InvalidForm("_ExpenseQueue", ExpenseAnswers.StatusCode(outcome));
    }

    /// <summary>The coordinator's standing towards the expense's organisation; null when the town has no such expense.</summary>
    private async Task<BudgetStanding?> StandingAsync(int expenseId)
    {
        var budgetId = await Service<AppDbContext>().Expenses.Where(e => e.Id == expenseId).Select(e => (int?)e.ProjectBudgetId).SingleOrDefaultAsync();
        if (budgetId is not { } id)
        {
            return null;
        }

        var standing = await Service<BudgetAccess>().ForBudgetAsync(id, HttpContext.RequestAborted);
        return standing.Office ? standing : null;
    }

    /// <summary>What the page shows, from the coordinator's kept answer when there is one (read anew after their own write).</summary>
    private async Task LoadAsync()
    {
        Today = townClock.Today();
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        Kind = Kind is { } k && Enum.IsDefined(k) ? k : null;
        var me = member.UserId!;
        var view = string.Concat("expenses?", FilterQuery, "&p=", PageNumber.ToString(CultureInfo.InvariantCulture), "&d=",
            Today.DayNumber.ToString(CultureInfo.InvariantCulture));
        var queue = (await views.GetOrLoadAsync(HttpContext, tenant.TenantId!.Value, me, view, () => LoadQueueAsync(me)))!;
        Version = queue.Version;
        Rows = queue.Rows;
        Total = queue.Total;
        PageNumber = queue.PageNumber;
        Funds = queue.Funds;
        Organisations = queue.Organisations;
        Projects = queue.Projects;
    }

    private async Task<Queue?> LoadQueueAsync(string me)
    {
        var db = Service<AppDbContext>();
        var pageNumber = PageNumber;
        var funds = (await db.Funds.AsNoTracking().OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).ToListAsync()).Select(f => (f.Id, f.Name)).ToList();
        var organisations = (await db.ProjectBudgets.AsNoTracking().Select(b => new { b.OrganisationId, b.Organisation!.Name }).Distinct().OrderBy(o => o.Name)
            .ToListAsync()).Select(o => (o.OrganisationId, o.Name)).ToList();
        var projects = db.ProjectBudgets.AsNoTracking().Where(b => b.Status != ProjectBudgetStatus.Submitted && b.Status != ProjectBudgetStatus.Rejected);
        if (Organisation is { } organisationId)
        {
            projects = projects.Where(b => b.OrganisationId == organisationId);
        }

        if (Fund is { } fundId)
        {
            projects = projects.Where(b => b.FundId == fundId);
        }

        // Every project of a town is a long list on every visit (a town with 200 projects made it a sixth of the page):
        // an organisation's or a fund's projects are offered once one is chosen, otherwise only the chosen project.
        if (Organisation is null && Fund is null)
        {
            projects = projects.Where(b => b.Id == Project);
        }

        var projectList = (await projects.OrderBy(b => b.Title).Select(b => new { b.Id, b.Title }).Take(500).ToListAsync()).Select(b => (b.Id, b.Title)).ToList();

        var query = db.Expenses.AsNoTracking();
        query = ParsedState is { } status
            ? query.Where(e => e.Status == status)
            // The first condition alone lets the database read the two states from the (town, state, submitted) index
            // instead of every expense of the town: the OR with the joined columns would hide it.
            : query.Where(e => e.Status == ExpenseStatus.FirstApproved || e.Status == ExpenseStatus.Submitted)
                .Where(e => e.Status == ExpenseStatus.FirstApproved
                    || (e.Status == ExpenseStatus.Submitted && (e.ProjectBudget!.OwnResponsibility || e.Kind == ExpenseKind.Reimbursement
                        || e.ProjectBudget.Organisation!.Type == OrganisationType.MunicipalOffice)));
        if (Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }

        if (Fund is { } fund)
        {
            query = query.Where(e => e.ProjectBudget!.FundId == fund);
        }

        if (Organisation is { } organisation)
        {
            query = query.Where(e => e.ProjectBudget!.OrganisationId == organisation);
        }

        if (Project is { } project)
        {
            query = query.Where(e => e.ProjectBudgetId == project);
        }

        var total = await query.CountAsync();
        pageNumber = Math.Min(pageNumber, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await query.OrderBy(e => e.SubmittedAt).ThenBy(e => e.Id).Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(e => new Row(e.Id, e.Kind, e.SubmittedAt, e.SpentOn, e.Payee, e.PayeeIsBusiness, e.Purpose, e.ProjectBudget!.OrganisationId,
                e.ProjectBudget.Organisation!.Name, e.ProjectBudget.Organisation.Type, e.ProjectBudgetId, e.ProjectBudget.Title,
                e.ProjectBudget.OwnResponsibility, e.PlanLine!.Line, e.AmountCents, e.Status, e.SubmittedByUserId, e.FirstApprovedByUserId, e.PlanLineId,
                e.PlanLine.ApprovedCents, e.PlanLine.SpentCents, e.ProjectBudget.GrantedCents - e.ProjectBudget.SpentCents))
            .ToListAsync();
        var threshold = await db.Tenants.Where(t => t.Id == tenant.TenantId!.Value).Select(t => t.SecondApprovalAboveCents).SingleAsync();
        var office = new BudgetStanding(false, false, true, false);
        return new Queue(Guid.NewGuid(),
            rows.Select(r => r with { IsOwn = r.SubmittedByUserId == me, Step = ExpenseApprovals.Step(r.Facts, office, me, threshold) }).ToList(),
            total, pageNumber, funds, organisations, projectList);
    }
}
