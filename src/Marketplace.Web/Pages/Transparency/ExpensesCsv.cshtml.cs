using Marketplace.Web.Budgets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Transparency;

/// <summary>Every approved and paid expense of the filter as CSV, with the same columns the public page shows.</summary>
public sealed class ExpensesCsvModel(TransparencyLedger ledger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Fund { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Project { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || Year is < 2000 or > 9999)
        {
            return BadRequest();
        }

        var csv = await ledger.CsvAsync(new TransparencyFilter(Fund, Project, Year, 1), ct);
        return File(csv, "text/csv; charset=utf-8", Year is { } year ? $"ausgaben-{year}.csv" : "ausgaben.csv");
    }
}
