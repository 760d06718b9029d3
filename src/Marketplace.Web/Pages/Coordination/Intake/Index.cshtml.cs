using Marketplace.Web.Data;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Coordination.Intake;

/// <summary>
/// The town's assisted intakes, newest first. No names here: a person's name and contact are shown only on the
/// detail page, where each look is logged.
/// </summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasOlder { get; private set; }

    public sealed record Row(int Id, string Code, string Title, DateTimeOffset CreatedAt, bool Claimed);

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageNumber < 1)
        {
            return NotFound();
        }

        var rows = await db.IntakeContacts.AsNoTracking()
            .OrderByDescending(i => i.Id)
            .Skip(Paging.Skip(PageNumber, PageSize)).Take(PageSize + 1)
            .Select(i => new Row(i.Id, i.ReferenceCode,
                db.Listings.Where(l => l.Id == i.ListingId).Select(l => l.Title).FirstOrDefault() ?? "",
                i.CreatedAt, i.ClaimedAt != null))
            .ToListAsync();
        HasOlder = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
        return Page();
    }
}
