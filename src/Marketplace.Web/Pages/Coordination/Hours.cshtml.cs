using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Hours;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination;

/// <summary>
/// The office's queue of logged hours: filter by status, organisation and month; approve or reject a row, or approve
/// the ticked rows together; a coordinator's own hours are left to another coordinator. On top, the approved hours of
/// this calendar year and what they are worth at the town's hourly rate; the year's approved hours also download as CSV.
/// </summary>
public sealed class HoursModel(AppDbContext db, ITenantContext tenant, CurrentMember member, HoursDecisions decisions, AuditLog audit,
    TownClock townClock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int RowsShown = 300;
    public const int FirstExportYear = 2000;

    [BindProperty(SupportsGet = true)]
    public HoursStatus Status { get; set; } = HoursStatus.Pending;

    [BindProperty(SupportsGet = true)]
    public int? Organisation { get; set; }

    /// <summary>"yyyy-MM" from a month field; anything else shows all months.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Organisations { get; private set; } = [];
    public int Year { get; private set; }
    public decimal ApprovedThisYear { get; private set; }
    public decimal HourlyRate { get; private set; }
    public decimal ValueThisYear { get; private set; }

    public sealed record Row(int Id, DateOnly WorkedOn, string? Volunteer, string? Organisation, int? MatchId, string Activity, int Minutes,
        HoursStatus Status, DateTimeOffset? DecidedAt, string VolunteerUserId)
    {
        public decimal Hours => VolunteerHours.ToHours(Minutes);

        /// <summary>The reader logged these hours: another coordinator decides (<see cref="SelfDecision"/>).</summary>
        public bool IsOwn { get; init; }
    }

    /// <summary>The filters, for the redirect after a decision, so it returns to the same view (the forms post them as route values).</summary>
    public object Filters => new { status = Status, organisation = Organisation, month = MonthValue };

    public string? MonthValue => MonthStart?.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private DateOnly? MonthStart =>
        DateOnly.TryParseExact($"{Month}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ? start : null;

    private DateOnly Today => townClock.Today();

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>One row; "approve" comes from the button pressed, so a post without it decides nothing.</summary>
    public async Task<IActionResult> OnPostDecideAsync(int id, bool? approve)
    {
        if (await decisions.CountInTownAsync([id]) == 0)
        {
            return NotFound();
        }

        if (approve is not { } yes)
        {
            return BadRequest();
        }

        if (await decisions.IncludesOwnAsync([id], member.UserId!))
        {
            return await OwnHoursRefusedAsync(l["SelfDecision_Hours"]);
        }

        var decided = await decisions.DecideAsync([id], yes, member.UserId!);
        return await ResultAsync(decided == 0 ? l["Hours_AlreadyDecided"].Value : l[yes ? "Hours_ApprovedOne" : "Hours_RejectedOne"].Value);
    }

    public async Task<IActionResult> OnPostBulkApproveAsync(int[] ids)
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count == 0)
        {
            return await ResultAsync(l["Hours_NoneSelected"].Value);
        }

        // Every ticked row must be one of this town's; otherwise nothing is decided.
        if (await decisions.CountInTownAsync(distinct) != distinct.Count)
        {
            return NotFound();
        }

        if (await decisions.IncludesOwnAsync(distinct, member.UserId!))
        {
            return await OwnHoursRefusedAsync(l["SelfDecision_HoursTicked"]);
        }

        var decided = await decisions.DecideAsync(distinct, approve: true, member.UserId!);
        return await ResultAsync(l["Hours_ApprovedMany", decided].Value);
    }

    /// <summary>The year's approved hours for a spreadsheet; see <see cref="HoursCsv"/> for the format.</summary>
    public async Task<IActionResult> OnGetCsvAsync(int? year)
    {
        var exportYear = year ?? Today.Year;
        if (exportYear < FirstExportYear || exportYear > Today.Year + 1)
        {
            return NotFound();
        }

        var rate = await RateCentsAsync();
        var from = new DateOnly(exportYear, 1, 1);
        var to = new DateOnly(exportYear, 12, 31);
        var rows = (await db.VolunteerHours.AsNoTracking()
                .Where(h => h.Status == HoursStatus.Approved && h.WorkedOn >= from && h.WorkedOn <= to)
                .OrderBy(h => h.WorkedOn).ThenBy(h => h.Id)
                .Select(h => new { h.WorkedOn, h.User!.UserName, Organisation = (string?)h.Organisation!.Name, h.MatchId, h.Activity, h.Minutes })
                .ToListAsync())
            .Select(h => new HoursExportRow(h.WorkedOn, h.UserName ?? "", h.Organisation, h.MatchId, h.Activity, VolunteerHours.ToHours(h.Minutes),
                Money.ToEuros(HoursValue.Of(h.Minutes, rate))))
            .ToList();
        string[] header =
        [
            l["Hours_ColDate"], l["Hours_ColVolunteer"], l["Hours_ColOrganisation"], l["Hours_ColMatch"], l["Hours_ColActivity"],
            l["Hours_ColHours"], l["Hours_ColValue"],
        ];

        audit.Record(AuditAction.ExportedHours, "hours", exportYear, $"rows={rows.Count}");
        await db.SaveChangesAsync();
        return File(HoursCsv.Write(header, rows), "text/csv; charset=utf-8", $"stunden-{tenant.Tenant!.Slug}-{exportYear}.csv");
    }

    /// <summary>The queue again with the refusal above it; nothing was decided.</summary>
    private async Task<IActionResult> OwnHoursRefusedAsync(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        await LoadAsync();
        return this.InvalidForm("_HoursQueue", StatusCodes.Status403Forbidden);
    }

    /// <summary>Post-redirect-get without JavaScript (back to the same filters); the list fragment for htmx.</summary>
    private Task<IActionResult> ResultAsync(string done) => this.FormSucceededAsync("_HoursQueue", LoadAsync, done, Filters);

    private Task<long> RateCentsAsync()
    {
        var id = tenant.TenantId!.Value;
        return db.Tenants.Where(t => t.Id == id).Select(t => t.HourlyRateCents).SingleAsync();
    }

    private async Task LoadAsync()
    {
        Year = Today.Year;
        var from = new DateOnly(Year, 1, 1);
        var to = new DateOnly(Year, 12, 31);

        var approved = await HoursTotals.ApprovedAsync(db, from, to);
        ApprovedThisYear = VolunteerHours.ToHours(approved.Minutes);
        HourlyRate = Money.ToEuros(approved.HourlyRateCents);
        ValueThisYear = Money.ToEuros(approved.ValueCents);

        Organisations = (await db.Organisations.AsNoTracking().Where(o => o.Status == OrganisationStatus.Approved)
                .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync())
            .Select(o => (o.Id, o.Name)).ToList();

        var rows = db.VolunteerHours.AsNoTracking().Where(h => h.Status == Status);
        if (Organisation is { } organisation)
        {
            rows = rows.Where(h => h.OrganisationId == organisation);
        }

        if (MonthStart is { } start)
        {
            // The month's last day rather than the next month's first: December 9999 has no next month.
            var last = new DateOnly(start.Year, start.Month, DateTime.DaysInMonth(start.Year, start.Month));
            rows = rows.Where(h => h.WorkedOn >= start && h.WorkedOn <= last);
        }

        // The pending queue oldest first (as it came in); decided rows newest first.
        rows = Status == HoursStatus.Pending
            ? rows.OrderBy(h => h.WorkedOn).ThenBy(h => h.Id)
            : rows.OrderByDescending(h => h.WorkedOn).ThenByDescending(h => h.Id);
        var shown = await rows.Take(RowsShown + 1)
            .Select(h => new Row(h.Id, h.WorkedOn, h.User!.UserName, (string?)h.Organisation!.Name, h.MatchId, h.Activity, h.Minutes, h.Status, h.DecidedAt,
                h.UserId))
            .ToListAsync();
        HasMore = shown.Count > RowsShown;
        var me = member.UserId!;
        Rows = shown.Take(RowsShown).Select(r => r with { IsOwn = SelfDecision.IsOwn(me, [r.VolunteerUserId]) }).ToList();
    }
}
