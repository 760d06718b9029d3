using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Coordination.Budgets;

/// <summary>
/// The office's budget desk: applications waiting for review (oldest first), every project with fund, organisation,
/// granted, spent and remaining (filtered by fund, status and organisation, paged in the database), and the funds with
/// what remains of them.
/// </summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int? Fund { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProjectBudgetStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Organisation { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public sealed record WaitingRow(int Id, string Title, string Organisation, string Fund, long RequestedCents, DateTimeOffset AppliedAt);

    public sealed record ProjectRow(int Id, int OrganisationId, string Title, string Organisation, string Fund, ProjectBudgetStatus Status, DateOnly EndsOn,
        long RequestedCents, long GrantedCents, long SpentCents)
    {
        public long RemainingCents => GrantedCents - SpentCents;
    }

    public IReadOnlyList<WaitingRow> Waiting { get; private set; } = [];
    public IReadOnlyList<ProjectRow> Projects { get; private set; } = [];
    public bool HasNext { get; private set; }
    public IReadOnlyList<FundsModel.FundRow> Funds { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        // Unknown filter values are ignored rather than an error: the filters are a convenience.
        ModelState.Clear();
        Status = Status is { } status && Enum.IsDefined(status) ? status : null;
        PageNumber = Math.Max(1, PageNumber);
        var ct = HttpContext.RequestAborted;

        Waiting = await db.ProjectBudgets.AsNoTracking().Where(b => b.Status == ProjectBudgetStatus.Submitted)
            .OrderBy(b => b.AppliedAt).ThenBy(b => b.Id)
            .Select(b => new WaitingRow(b.Id, b.Title, b.Organisation!.Name, b.Fund!.Name, b.RequestedCents, b.AppliedAt))
            .ToListAsync(ct);

        var projects = db.ProjectBudgets.AsNoTracking();
        if (Fund is { } fundId)
        {
            projects = projects.Where(b => b.FundId == fundId);
        }

        if (Status is { } s)
        {
            projects = projects.Where(b => b.Status == s);
        }

        if (Organisation is { } organisationId)
        {
            projects = projects.Where(b => b.OrganisationId == organisationId);
        }

        var page = await projects.OrderByDescending(b => b.StartsOn).ThenByDescending(b => b.Id)
            .Skip(Paging.Skip(PageNumber, PageSize)).Take(PageSize + 1)
            .Select(b => new ProjectRow(b.Id, b.OrganisationId, b.Title, b.Organisation!.Name, b.Fund!.Name, b.Status, b.EndsOn, b.RequestedCents, b.GrantedCents,
                b.SpentCents))
            .ToListAsync(ct);
        HasNext = page.Count > PageSize;
        Projects = page.Take(PageSize).ToList();
        Funds = await FundsModel.Load(db).ToListAsync(ct);
        Organisations = (await db.Organisations.AsNoTracking().Where(o => db.ProjectBudgets.Any(b => b.OrganisationId == o.Id))
                .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
        return this.PageOrFragment("_ProjectList");
    }

    /// <summary>This list with the same filters on another page.</summary>
    public string PageUrl(int page) => "/coordination/budgets" + QueryString.Create(new Dictionary<string, string?>
    {
        ["fund"] = Fund?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["status"] = Status?.ToString(),
        ["organisation"] = Organisation?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}
