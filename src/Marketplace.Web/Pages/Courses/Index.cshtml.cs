using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Localization;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Courses;

/// <summary>
/// The town's course catalogue, for everyone. One GET form: without JavaScript it reloads the page; with htmx only the
/// results are swapped and the address follows, so every state can be bookmarked. The page number is "p" ("page" is a
/// route value Razor Pages reserves). Unknown filter values are ignored rather than refused: these are shared links.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, TownClock clock, CourseListCache lists) : PageModel
{
    public CourseFilter Filter { get; private set; } = new();
    public CourseCatalogueResults Results { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];
    public IReadOnlyList<string> Topics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CourseKind? kind, string? topic, LanguageCourseType? type, CefrLevel? level, string? place,
        DayParts? daypart, string? language, bool childcare, CourseFee? fee, bool seats, int p = 1)
    {
        int? district = int.TryParse(place, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
        Filter = new CourseFilter(
            Known(kind), string.IsNullOrWhiteSpace(topic) ? null : topic.Trim()[..Math.Min(topic.Trim().Length, Course.TopicMaxLength)],
            Known(type), Known(level), district, place == CourseFilter.OnlinePlace,
            daypart is DayParts.Morning or DayParts.Afternoon or DayParts.Evening or DayParts.Weekend ? daypart : null,
            language is not null && SpokenLanguages.IsKnown(language) ? language : null,
            childcare, Known(fee), seats, Math.Clamp(p, 1, CourseFilter.MaxPage));
        // The same for every reader, so one answer serves them all for a few seconds (Courses/CourseListCache).
        var today = clock.Today();
        Results = (await lists.GetOrLoadAsync(db.CurrentTenantId, (nameof(CourseCatalogueResults), today, Filter),
            async () => (CourseCatalogueResults?)await CourseCatalogue.LoadAsync(db, Filter, today)))!;

        if (Request.WantsFragment())
        {
            return Partial("_CourseResults", Results);
        }

        var choices = (await lists.GetOrLoadAsync(db.CurrentTenantId, nameof(FilterChoices), LoadChoicesAsync))!;
        Districts = choices.Districts;
        Topics = choices.Topics;
        return Page();
    }

    private sealed record FilterChoices(IReadOnlyList<(int Id, string Name)> Districts, IReadOnlyList<string> Topics);

    private async Task<FilterChoices?> LoadChoicesAsync() => new(
        (await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync())
            .Select(d => (d.Id, d.Name)).ToList(),
        await CourseCatalogue.TopicsAsync(db));

    private static T? Known<T>(T? value) where T : struct, Enum => value is { } v && Enum.IsDefined(v) ? v : null;
}
