using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination.Courses;

/// <summary>The town admin sets the minimum group size per language-course type (the BAMF's sizes are the defaults).</summary>
[Authorize(Policy = Policies.TownAdmin)]
public sealed class InterestGroupSizesModel(AppDbContext db, LanguageCourseDemand demand, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxGroupSize = 100;

    [BindProperty]
    public Dictionary<LanguageCourseType, string?> Sizes { get; set; } = [];

    public IReadOnlyDictionary<LanguageCourseType, int> Current { get; private set; } = new Dictionary<LanguageCourseType, int>();

    public static string Field(LanguageCourseType type) => $"Sizes[{type}]";

    public async Task OnGetAsync() => Current = await demand.GroupSizesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var wanted = new Dictionary<LanguageCourseType, int>();
        foreach (var type in Enum.GetValues<LanguageCourseType>())
        {
            if (!int.TryParse(Sizes.GetValueOrDefault(type), out var size) || size is < 1 or > MaxGroupSize)
            {
                ModelState.AddModelError(Field(type), l["Validation_Range", l["Quals_Interest_Type_" + type], 1, MaxGroupSize]);
                continue;
            }

            wanted[type] = size;
        }

        if (!ModelState.IsValid)
        {
            Current = await demand.GroupSizesAsync();
            return this.InvalidForm();
        }

        var rows = await db.LanguageCourseGroupSizes.ToListAsync();
        foreach (var (type, size) in wanted)
        {
            if (rows.FirstOrDefault(r => r.CourseType == type) is { } row)
            {
                row.MinimumParticipants = size;
            }
            else if (size != CourseRules.DefaultGroupSize(type))
            {
                db.LanguageCourseGroupSizes.Add(new LanguageCourseGroupSize { CourseType = type, MinimumParticipants = size });
            }
        }

        await db.SaveChangesAsync();
        // A lowered size may mean a group is now large enough: the office hears of it now, not tomorrow.
        await demand.NotifyReachedAsync();
        TempData[HtmxResults.StatusKey] = l["Quals_Interest_GroupSizesSaved"].Value;
        return RedirectToPage();
    }
}
