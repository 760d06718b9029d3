using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Courses;

/// <summary>Atom feed of the town's newest courses (not withdrawn), linked from /courses.</summary>
[AllowAnonymous]
public sealed class FeedModel(AppDbContext db, ITenantContext tenant, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var rows = await db.Courses.AsNoTracking().Where(c => !c.IsWithdrawn).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(CourseFeed.Entries)
            .Select(c => new { c.Id, c.Title, c.Kind, c.LanguageCourseType, c.Topic, Provider = c.Provider != null ? c.Provider.Name : null, c.CreatedAt })
            .ToListAsync(HttpContext.RequestAborted);
        var town = tenant.Tenant!.Name;
        var entries = rows.Select(r => new CourseFeed.Entry(r.Id, r.Title,
            string.Join(" · ", new[] { l["Courses_Kind_" + r.Kind].Value, r.LanguageCourseType is { } t ? l["Courses_Type_" + t].Value : r.Topic }.OfType<string>()),
            r.Provider ?? l["Courses_OfficeProvider", town].Value, r.CreatedAt));
        var updated = rows.Count > 0 ? rows.Max(r => r.CreatedAt) : clock.GetUtcNow();
        var xml = CourseFeed.Render($"{Request.Scheme}://{Request.Host}", l["Courses_FeedTitleOf", town].Value, updated, entries);
        return File(xml, "application/atom+xml; charset=utf-8");
    }
}
