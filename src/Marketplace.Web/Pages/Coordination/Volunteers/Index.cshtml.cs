using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Pages.Listings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Pages.Coordination.Volunteers;

/// <summary>The volunteer registry: who opted in to be suggested, filtered by skill, district and language. Details are one click (and one audit entry) away.</summary>
public sealed class IndexModel(AppDbContext db, IMemoryCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Skill { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? District { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public ListingFormOptions Options { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(int Id, string UserName, bool IsAvailable, List<int> Skills, List<int> Districts, List<string> Languages, int HoursPerMonth);

    public async Task OnGetAsync()
    {
        Options = await ListingFormOptions.LoadAsync(db, cache, "");
        var query = db.VolunteerProfiles.AsNoTracking();
        if (!All)
        {
            query = query.Where(v => v.IsAvailable);
        }

        var rows = await query.OrderBy(v => v.User!.UserName)
            .Select(v => new Row(v.Id, v.User!.UserName!, v.IsAvailable, v.SkillCategoryIds, v.DistrictIds, v.Languages, v.HoursPerMonth))
            .ToListAsync();

        // Primitive collections are filtered here rather than in SQL: a town has hundreds of volunteers, not millions.
        Rows = rows.Where(r => Skill is null || r.Skills.Contains(Skill.Value) || SkillParentMatches(r.Skills, Skill.Value))
            .Where(r => District is null || r.Districts.Contains(District.Value))
            .Where(r => string.IsNullOrEmpty(Language) || VolunteerLanguages.Codes(r.Languages).Contains(Language))
            .ToList();
    }

    /// <summary>A volunteer who named a sub-category fits a filter on its parent.</summary>
    private bool SkillParentMatches(List<int> skills, int skill) =>
        Options.Categories.FirstOrDefault(g => g.Top.Id == skill) is { } group && group.Children.Any(c => skills.Contains(c.Id));
}
