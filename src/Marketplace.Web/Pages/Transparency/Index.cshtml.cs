using System.Globalization;
using Marketplace.Web.Budgets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Transparency;

/// <summary>
/// The town's public ledger: funds, what each approved project was granted and spent by cost line, and the approved
/// and paid expenses (paged, filtered by fund, project and year), without names of private persons or receipts.
/// </summary>
public sealed class IndexModel(TransparencyLedger ledger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Fund { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Project { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Not "page": that route value names the Razor page itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The page of the projects table.</summary>
    [BindProperty(SupportsGet = true, Name = "pp")]
    public int ProjectPage { get; set; } = 1;

    /// <summary>The page of the yearly reimbursement sums.</summary>
    [BindProperty(SupportsGet = true, Name = "rp")]
    public int CellPage { get; set; } = 1;

    public TransparencyAnswer Answer { get; private set; } = null!;

    public TransparencyFilter Filter => new(Fund, Project, Year, PageNumber, ProjectPage, CellPage);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || PageNumber is < 1 or > TransparencyLedger.MaxPage || ProjectPage is < 1 or > TransparencyLedger.MaxPage
            || CellPage is < 1 or > TransparencyLedger.MaxPage || Year is < 2000 or > 9999)
        {
            return BadRequest();
        }

        Answer = await ledger.AnswerAsync(Filter, ct);
        return Page();
    }

    /// <summary>The address of another page of the expenses, the other lists staying where they are.</summary>
    public string PageUrl(int page) => "/transparency" + Query(page, ProjectPage, CellPage) + "#transparency-expenses";

    /// <summary>The address of another page of the projects.</summary>
    public string ProjectPageUrl(int page) => "/transparency" + Query(PageNumber, page, CellPage) + "#transparency-projects";

    /// <summary>The address of another page of the yearly reimbursement sums.</summary>
    public string CellPageUrl(int page) => "/transparency" + Query(PageNumber, ProjectPage, page) + "#transparency-reimbursements";

    /// <summary>The page filtered to one project, within the fund chosen, in the given year (or the one chosen).</summary>
    public string ProjectUrl(int project, int? year = null, string? section = null) =>
        "/transparency" + QueryString.Create(new Dictionary<string, string?>
        {
            ["fund"] = Fund?.ToString(CultureInfo.InvariantCulture),
            ["project"] = project.ToString(CultureInfo.InvariantCulture),
            ["year"] = (year ?? Year)?.ToString(CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null)).ToUriComponent() + (section is null ? "" : "#" + section);

    public string CsvUrl => "/transparency/expenses.csv" + Query(1, 1, 1);

    private string Query(int page, int projectPage, int cellPage) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["fund"] = Fund?.ToString(CultureInfo.InvariantCulture),
            ["project"] = Project?.ToString(CultureInfo.InvariantCulture),
            ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
            ["p"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
            ["pp"] = projectPage == 1 ? null : projectPage.ToString(CultureInfo.InvariantCulture),
            ["rp"] = cellPage == 1 ? null : cellPage.ToString(CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null)).ToUriComponent();
}
