using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages;

/// <summary>The bare domain lists the municipalities; a town's host shows that town's home page.</summary>
public sealed class IndexModel(ITenantContext tenant, AppDbContext db, CurrentMember member, Memberships memberships,
    TenantLinks links, IMemoryCache cache, IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    public IReadOnlyList<TownRow> Towns { get; private set; } = [];
    public TownHome? Town { get; private set; }
    public bool CanJoin { get; private set; }

    public sealed record TownRow(string Slug, string Name, string State, string? Description, string Url);

    public sealed record TownHome(string Name, string? Description, string State, string ContactEmail, string? ContactPhone,
        string? ContactAddress, IReadOnlyList<string> Districts);

    public async Task<IActionResult> OnGetAsync()
    {
        if (tenant.IsPlatformHost)
        {
            var towns = await db.Tenants.AsNoTracking().OrderBy(t => t.Name)
                .Select(t => new { t.Slug, t.Name, t.FederalState, t.Description }).ToListAsync();
            Towns = towns.Select(t => new TownRow(t.Slug, t.Name, t.FederalState.Display(), t.Description, links.TownUrl(t.Slug))).ToList();
            return Page();
        }

        var id = tenant.TenantId!.Value;
        Town = await cache.GetOrCreateAsync(TownReferenceCache.HomeKey(id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TownReferenceCache.CacheFor;
            var town = await db.Tenants.AsNoTracking().Where(t => t.Id == id)
                .Select(t => new { t.Name, t.Description, t.FederalState, t.ContactEmail, t.ContactPhone, t.ContactAddress })
                .SingleAsync();
            var districts = await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => d.Name).ToListAsync();
            return new TownHome(town.Name, town.Description, town.FederalState.Display(), town.ContactEmail, town.ContactPhone,
                town.ContactAddress, districts);
        });
        CanJoin = User.Identity?.IsAuthenticated == true && await member.RoleAsync() is null;
        return Page();
    }

    public async Task<IActionResult> OnPostJoinAsync()
    {
        if (tenant.Tenant is null)
        {
            return NotFound();
        }

        if (member.UserId is not { } userId)
        {
            return Challenge();
        }

        await memberships.JoinAsync(userId);
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Home_Joined", tenant.Tenant.Name].Value;
        return RedirectToPage();
    }
}
