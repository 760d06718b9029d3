using Marketplace.Web.Gaps;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Gaps;

/// <summary>The town's weekly aggregates as CSV with an HXL row; <c>from</c> and <c>to</c> are ISO weeks ("2026-W49").</summary>
public sealed class CsvModel(GapsCsv csv, ITenantContext tenant) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? from, string? to, CancellationToken ct)
    {
        var first = PublicGaps.ParseIsoWeek(from);
        var last = PublicGaps.ParseIsoWeek(to);
        if ((from is not null && first is null) || (to is not null && last is null))
        {
            return BadRequest();
        }

        var bytes = await csv.RenderAsync(tenant.Tenant!.Name, first, last, ct);
        return File(bytes, "text/csv; charset=utf-8", $"luecken-{tenant.Tenant.Slug}.csv");
    }
}
