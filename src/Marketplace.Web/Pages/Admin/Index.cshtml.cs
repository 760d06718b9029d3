using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Admin;

public sealed class IndexModel(AppDbContext db, TenantLinks links) : PageModel
{
    public IReadOnlyList<Row> Towns { get; private set; } = [];

    public sealed record Row(string Slug, string Name, string State, string Url, int Members, DateTimeOffset CreatedAt);

    public async Task OnGetAsync()
    {
        var counts = await PlatformQueries.MemberCountsAsync(db);
        var towns = await db.Tenants.AsNoTracking().OrderBy(t => t.Name).ToListAsync();
        Towns = towns.Select(t => new Row(t.Slug, t.Name, t.FederalState.Display(), links.TownUrl(t.Slug),
            counts.GetValueOrDefault(t.Id), t.CreatedAt)).ToList();
    }
}
