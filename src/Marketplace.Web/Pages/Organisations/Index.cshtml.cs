using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Organisations;

/// <summary>The town's approved organisations, filtered by type; htmx swaps just the list.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public OrganisationType? Type { get; set; }

    public IReadOnlyList<Row> Organisations { get; private set; } = [];

    public sealed record Row(int Id, string Name, OrganisationType Type);

    public async Task<IActionResult> OnGetAsync()
    {
        // An unknown ?type= is ignored rather than an error: the filter is a convenience.
        if (Type is { } type && !Enum.IsDefined(type))
        {
            Type = null;
        }

        ModelState.Clear();
        var query = db.Organisations.AsNoTracking().Where(o => o.Status == OrganisationStatus.Approved);
        if (Type is { } chosen)
        {
            query = query.Where(o => o.Type == chosen);
        }

        Organisations = (await query.Select(o => new Row(o.Id, o.Name, o.Type)).ToListAsync())
            .OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

        return this.PageOrFragment("_OrganisationList");
    }
}
