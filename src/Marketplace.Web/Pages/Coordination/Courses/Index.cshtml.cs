using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Coordination.Courses;

/// <summary>
/// The office's course desk: every run of the town in one list with its occupancy, filtered and paged in the database
/// (one query for the page's runs, one for their counts), sorted by start. Every coordinator of the town sees the same, so
/// one answer serves them all for a few seconds (Courses/CourseListCache).
/// </summary>
public sealed class IndexModel(AppDbContext db, TownClock townClock, CourseListCache lists, QualificationReminders reminders) : PageModel
{
    public const int PageSize = 25;

    /// <summary>The provider filter's value for the office's own courses (they have no organisation).</summary>
    public const int OfficeProvider = 0;

    public static readonly int[] WithinChoices = [14, 30, 90, 365];

    [BindProperty(SupportsGet = true)]
    public CourseKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Provider { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? District { get; set; }

    [BindProperty(SupportsGet = true)]
    public CourseRunStatus? Status { get; set; }

    /// <summary>Runs starting from today up to so many days ahead.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Within { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public sealed record RunRow(int RunId, int CourseId, string Title, CourseKind Kind, string? Provider, string? District, bool IsOnline, DateOnly StartsOn,
        DateOnly EndsOn, CourseRunStatus Status, int MinParticipants)
    {
        public RunOccupancy Occupancy { get; init; } = new(RunId, 0, 0, 0, 0);

        public bool MinimumReached => Occupancy.Seated >= MinParticipants;
    }

    public IReadOnlyList<RunRow> Runs { get; private set; } = [];
    public bool HasNext { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Providers { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        // Unknown values are ignored rather than an error: the filters are a convenience.
        ModelState.Clear();
        Kind = Kind is { } kind && Enum.IsDefined(kind) ? kind : null;
        Status = Status is { } status && Enum.IsDefined(status) ? status : null;
        Within = Within is > 0 and <= 3660 ? Within : null;
        PageNumber = Math.Max(1, PageNumber);

        var today = townClock.Today();
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        var overview = (await lists.GetOrLoadAsync(db.CurrentTenantId, (nameof(Overview), Kind, Provider, District, Status, Within, PageNumber, today, culture),
            () => LoadAsync(today, culture)))!;
        Runs = overview.Runs;
        HasNext = overview.HasNext;
        Providers = overview.Providers;
        Districts = overview.Districts;
        Lapsing = overview.Lapsing;
        Version = overview.Version;
        return this.PageOrFragment("_RunList");
    }

    /// <summary>Qualifications lapsing within 30 days (Pages/Coordination/Courses/_LapsingQualifications).</summary>
    public IReadOnlyList<LapsingGrantRow> Lapsing { get; private set; } = [];

    /// <summary>Tells one loaded answer from the next, so its rendered list is kept as long as it.</summary>
    public Guid Version { get; private set; }

    private sealed record Overview(IReadOnlyList<RunRow> Runs, bool HasNext, IReadOnlyList<(int Id, string Name)> Providers,
        IReadOnlyList<(int Id, string Name)> Districts, IReadOnlyList<LapsingGrantRow> Lapsing)
    {
        public Guid Version { get; } = Guid.NewGuid();
    }

    private async Task<Overview?> LoadAsync(DateOnly today, string culture)
    {
        var runs = db.CourseRuns.AsNoTracking();
        if (Kind is { } k)
        {
            runs = runs.Where(r => r.Course!.Kind == k);
        }

        if (Provider == OfficeProvider)
        {
            runs = runs.Where(r => r.Course!.ProviderOrganisationId == null);
        }
        else if (Provider is { } providerId)
        {
            runs = runs.Where(r => r.Course!.ProviderOrganisationId == providerId);
        }

        if (District is { } districtId)
        {
            runs = runs.Where(r => r.DistrictId == districtId);
        }

        if (Status is { } s)
        {
            runs = runs.Where(r => r.Status == s);
        }

        if (Within is { } days)
        {
            var until = today.AddDays(days);
            runs = runs.Where(r => r.StartsOn >= today && r.StartsOn <= until);
        }

        var page = await runs.OrderBy(r => r.StartsOn).ThenBy(r => r.Id)
            .Skip(Paging.Skip(PageNumber, PageSize)).Take(PageSize + 1)
            .Select(r => new RunRow(r.Id, r.CourseId, r.Course!.Title, r.Course.Kind, r.Course.Provider!.Name, r.District!.Name, r.IsOnline, r.StartsOn, r.EndsOn,
                r.Status, r.MinParticipants))
            .ToListAsync();
        var hasNext = page.Count > PageSize;
        var shown = page.Take(PageSize).ToList();
        var ids = shown.Select(r => r.RunId).ToList();
        var occupancy = await db.CourseRuns.AsNoTracking().Where(r => ids.Contains(r.Id)).Occupancy(db).ToDictionaryAsync(o => o.RunId);
        var providers = (await db.Organisations.AsNoTracking().Where(o => db.Courses.Any(c => c.ProviderOrganisationId == o.Id))
                .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync())
            .Select(o => (o.Id, o.Name)).ToList();
        var districts = (await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync())
            .Select(d => (d.Id, d.Name)).ToList();
        return new Overview(shown.Select(r => r with { Occupancy = occupancy[r.RunId] }).ToList(), hasNext, providers, districts,
            await reminders.ForOfficeAsync(culture));

    }

    /// <summary>This list with the same filters on another page.</summary>
    public string PageUrl(int page) => "/coordination/courses" + QueryString.Create(new Dictionary<string, string?>
    {
        ["kind"] = Kind?.ToString(),
        ["provider"] = Provider?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["district"] = District?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["status"] = Status?.ToString(),
        ["within"] = Within?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null));
}
