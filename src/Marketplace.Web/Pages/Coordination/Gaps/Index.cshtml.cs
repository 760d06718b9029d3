using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Gaps;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination.Gaps;

/// <summary>
/// The office's gap matrix (Lücken und Überangebot): top category × district for one week, each cell with its open
/// requests, open offers and available volunteers and its balance, and the alerts of the week. Everything below the
/// filters is one fragment (<c>_GapMatrix</c>) that htmx swaps when the week or category changes; time to match and the
/// charts of the same week and category follow from <see cref="ChartsModel"/>.
/// </summary>
public sealed class IndexModel(AppDbContext db, GapMatrixReader matrices, TownClock clock, TimeProvider time,
    IMemoryCache cache) : PageModel
{
    /// <summary>How far back the week slider and the time-to-match trend reach.</summary>
    public const int HistoryWeeks = 26;

    /// <summary>The Monday of the week to show; any date picks its week. Links carry it.</summary>
    public DateOnly? Week { get; set; }

    /// <summary>The slider's value: weeks from the current one (0 or negative). Used when no <see cref="Week"/> is given.</summary>
    public int? Offset { get; set; }

    public int? Category { get; set; }

    public DateOnly ThisWeek { get; private set; }
    public DateOnly ShownWeek { get; private set; }
    public IReadOnlyList<TopCategory> Categories { get; private set; } = [];
    public IReadOnlyList<TopCategory> Rows { get; private set; } = [];
    public IReadOnlyList<DistrictColumn> Districts { get; private set; } = [];
    public GapMatrix Matrix { get; private set; } = null!;
    public GapDefinitions Definitions { get; private set; } = null!;

    /// <summary>When the town's aggregates were last built; null before the first build.</summary>
    public DateTimeOffset? BuiltAt { get; private set; }

    public sealed record TopCategory(int Id, string Name, string Icon);

    public sealed record DistrictColumn(int Id, string Name);

    public sealed record GapDefinitions(int WaitingDays, int IdleDays);

    /// <summary>The slider's position for the shown week, within its range.</summary>
    public int SliderOffset => Math.Clamp((ShownWeek.DayNumber - ThisWeek.DayNumber) / 7, 1 - HistoryWeeks, 0);

    public DateOnly? PreviousWeek => ShownWeek.AddDays(-7) is var week && week.Year >= FirstYear ? week : null;
    public DateOnly? NextWeek => ShownWeek < ThisWeek ? ShownWeek.AddDays(7) : null;

    /// <summary>No town's records reach back further; older dates in the address are taken as this year.</summary>
    private const int FirstYear = 2000;

    /// <summary>
    /// How long the rendered view of a week is kept per instance (<c>&lt;cache&gt;</c> in the views): the aggregates it
    /// shows are rebuilt every ten minutes (Jobs/SupplyWeeksJob), so half a minute more is nothing a coordinator notices,
    /// and every coordinator of the town reads the same view.
    /// </summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(30);

    /// <summary>
    /// What the kept view depends on: the town, the version of its settings and categories (a change saved here shows
    /// at once; Infrastructure/TownReferenceCache) and of its aggregates (a build here shows at once; Gaps/GapViewVersions),
    /// the weeks, the category asked for and the reader's language.
    /// </summary>
    public string ViewKey => KeyOf(db, cache, ThisWeek, ShownWeek, Category);

    /// <summary>The key of a kept gap view (this page's and <see cref="ChartsModel"/>'s): see <see cref="ViewKey"/>.</summary>
    public static string KeyOf(AppDbContext db, IMemoryCache cache, DateOnly thisWeek, DateOnly week, int? category) =>
        string.Join('|', db.CurrentTenantId, TownReferenceCache.Version(cache, db.CurrentTenantId), GapViewVersions.Of(db.CurrentTenantId),
            thisWeek.DayNumber, week.DayNumber, category, CultureInfo.CurrentUICulture.Name);

    private bool _loaded;

    public IActionResult OnGet()
    {
        // The filters are a convenience: a value that does not parse or is out of range shows the current week.
        var query = Request.Query;
        Week = QueryValues.Date(query, "week");
        Offset = QueryValues.Int(query, "offset");
        Category = QueryValues.Int(query, "category");
        ThisWeek = clock.WeekStartOf(time.GetUtcNow());
        ShownWeek = ChosenWeek();
        return this.PageOrFragment("_GapMatrix");
    }

    /// <summary>Reads what the view shows; called by the views inside their kept parts, so a kept view reads nothing.</summary>
    public async Task LoadAsync()
    {
        if (_loaded)
        {
            return;
        }

        _loaded = true;
        var ct = HttpContext.RequestAborted;
        Categories = await TopCategoriesAsync(db, ct);
        Category = Categories.Any(c => c.Id == Category) ? Category : null;
        Rows = Category is { } only ? Categories.Where(c => c.Id == only).ToList() : Categories;
        Districts = (await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
            .Select(d => new DistrictColumn(d.Id, d.Name)).ToList();
        var town = await db.Tenants.AsNoTracking().Where(t => t.Id == db.CurrentTenantId)
            .Select(t => new GapDefinitions(t.GapWaitingDays, t.SurplusIdleDays)).SingleAsync(ct);
        Definitions = town;

        BuiltAt = await db.SupplyWatermarks.AsNoTracking().Select(w => (DateTimeOffset?)w.BuiltAt).SingleOrDefaultAsync(ct);
        Matrix = await matrices.ForWeekAsync(ShownWeek, ct);
    }

    private DateOnly ChosenWeek() => Week is not null || Offset is null
        ? WeekAsked(Week, ThisWeek)
        : ThisWeek.AddDays(7 * Math.Clamp(Offset.Value, 1 - HistoryWeeks, 0));

    /// <summary>
    /// The Monday of the week a gap view was asked for by any day of it: the current week when none is asked, the date
    /// is before <see cref="FirstYear"/> or the week has not begun (the gap views' one rule, the charts page's too).
    /// </summary>
    public static DateOnly WeekAsked(DateOnly? asked, DateOnly thisWeek) =>
        asked is { } day && day.Year >= FirstYear && TownClock.MondayOf(day) is var monday && monday < thisWeek ? monday : thisWeek;

    /// <summary>"KW 49/2026: 30.11.2026 bis 06.12.2026": a week as the gap views name it, in the reader's language.</summary>
    public static string WeekLabel(IStringLocalizer l, DateOnly week)
    {
        var culture = CultureInfo.CurrentCulture;
        var (year, number) = TownClock.IsoWeek(week);
        return l["GapDesk_WeekLabel", number, year, week.ToString("d", culture), week.AddDays(6).ToString("d", culture)].Value;
    }

    /// <summary>The town's top categories in the reader's language, in their order: the gap views' rows and filter.</summary>
    public static async Task<IReadOnlyList<TopCategory>> TopCategoriesAsync(AppDbContext db, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return (await db.Categories.AsNoTracking().Where(c => c.ParentId == null && !c.IsRetired)
                .OrderBy(c => c.SortOrder).ThenBy(c => c.Id).Select(c => new { c.Id, c.Names, c.Icon }).ToListAsync(ct))
            .Select(c => new TopCategory(c.Id, c.Names.In(culture), CategoryIcons.OrGeneric(c.Icon))).ToList();
    }

    /// <summary>This page for another week, with the same category.</summary>
    public string WeekUrl(DateOnly week) => PageUrl(week, Category);

    /// <summary>This page for a week and optionally one top category.</summary>
    public static string PageUrl(DateOnly week, int? category) => "/coordination/gaps" + QueryString.Create(new Dictionary<string, string?>
    {
        ["week"] = week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["category"] = category?.ToString(CultureInfo.InvariantCulture),
    });

    /// <summary>The office's request queue filtered to one cell.</summary>
    public static string RequestsUrl(int category, int district) => "/coordination/requests" + QueryString.Create(new Dictionary<string, string?>
    {
        ["Category"] = category.ToString(CultureInfo.InvariantCulture),
        ["District"] = district.ToString(CultureInfo.InvariantCulture),
    });

    /// <summary>The offers of one cell.</summary>
    public static string OffersUrl(int category, int district) => "/listings" + QueryString.Create(new Dictionary<string, string?>
    {
        ["type"] = nameof(ListingType.Offer),
        ["category"] = category.ToString(CultureInfo.InvariantCulture),
        ["district"] = district.ToString(CultureInfo.InvariantCulture),
    });

}
