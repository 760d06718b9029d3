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

    public TransparencyAnswer Answer { get; private set; } = null!;

    /// <summary>The projects to pick from: those of the chosen fund and year, whichever project is chosen.</summary>
    public TransparencyAnswer Choices { get; private set; } = null!;

    public TransparencyFilter Filter => new(Fund, Project, Year, PageNumber);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || PageNumber < 1 || PageNumber > TransparencyLedger.MaxPage || Year is < 2000 or > 9999)
        {
            return BadRequest();
        }

        Answer = await ledger.AnswerAsync(Filter, ct);
        Choices = Project is null && PageNumber == 1 ? Answer : await ledger.AnswerAsync(new TransparencyFilter(Fund, null, Year, 1), ct);
        return Page();
    }

    /// <summary>The address of another page of the same filter.</summary>
    public string PageUrl(int page) => "/transparency" + Query(page);

    public string CsvUrl => "/transparency/expenses.csv" + Query(null);

    private string Query(int? page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["fund"] = Fund?.ToString(CultureInfo.InvariantCulture),
            ["project"] = Project?.ToString(CultureInfo.InvariantCulture),
            ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
            ["p"] = page?.ToString(CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null)).ToUriComponent();
}
