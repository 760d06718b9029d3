using System.Globalization;
using Marketplace.Web.Domain;
using Marketplace.Web.Gaps;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Gaps;

/// <summary>Atom feed of the town's new gap cells (a gap in a complete week that was none the week before), linked from /gaps.</summary>
public sealed class FeedModel(PublicGaps gaps, ITenantContext tenant, TownClock townClock, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var town = tenant.Tenant!.Name;
        var newGaps = await gaps.NewGapsAsync(ct);
        var entries = newGaps.Select(g => new GapsFeed.Entry(
            l["GapsPublic_FeedEntryTitle", g.Category.Name, g.District.Name, PublicGaps.IsoWeek(g.WeekStart)].Value,
            l["GapsPublic_FeedEntrySummary", Count(g.OpenRequests), g.Category.Name, g.District.Name].Value,
            g, townClock.StartOfWeek(g.WeekStart.AddDays(7)))).ToList();
        var updated = entries.Count > 0 ? entries.Max(e => e.WeekEnd) : clock.GetUtcNow();
        var xml = GapsFeed.Render($"{Request.Scheme}://{Request.Host}", Request.Host.Host, l["GapsPublic_FeedTitleOf", town].Value, updated, entries);
        return File(xml, "application/atom+xml; charset=utf-8");
    }

    private string Count(int? count) => count?.ToString(CultureInfo.CurrentCulture) ?? l["GapsPublic_FewerThan", GapRules.PublicMinimumCount].Value;
}
