using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Hours;
using Marketplace.Web.Listings;
using Marketplace.Web.Pages.Coordination.Requests;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Coordination;

/// <summary>The coordination office's dashboard: what waits for it, with links to each desk.</summary>
public sealed class IndexModel(AppDbContext db, TownClock townClock, TimeProvider clock) : PageModel
{
    public IReadOnlyDictionary<AgeBucket, int> OpenByAge { get; private set; } = new Dictionary<AgeBucket, int>();
    public int MediatedWaiting { get; private set; }
    public int OpenInquiries { get; private set; }
    public int MatchesAwaitingAnswers { get; private set; }
    public int HoursPending { get; private set; }
    public decimal HoursApprovedThisYear { get; private set; }
    public decimal HoursValueThisYear { get; private set; }
    public decimal HourlyRate { get; private set; }
    public int MatchesThisYear { get; private set; }
    public int Year { get; private set; }
    public int OpenReports { get; private set; }
    public int HiddenListings { get; private set; }
    public int PendingOrganisations { get; private set; }

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var open = RequestQueue.Open(db);
        var byAge = new Dictionary<AgeBucket, int>();
        foreach (var bucket in Enum.GetValues<AgeBucket>())
        {
            byAge[bucket] = await open.InBucket(bucket, now).CountAsync();
        }

        OpenByAge = byAge;
        MediatedWaiting = await open.Where(l => l.OfficeStatus != OfficeStatus.Proposed)
            .CountAsync(l => l.Category!.ExchangeMode == ExchangeMode.Mediated || (l.Category.Parent != null && l.Category.Parent.ExchangeMode == ExchangeMode.Mediated));
        OpenInquiries = await OfficeInquiries.Open(db).CountAsync();
        MatchesAwaitingAnswers = await db.Matches.CountAsync(m => m.Status == MatchStatus.Proposed);
        HoursPending = await db.VolunteerHours.CountAsync(h => h.Status == HoursStatus.Pending);

        var today = townClock.Today();
        Year = today.Year;
        var firstDay = new DateOnly(Year, 1, 1);
        var hours = await HoursTotals.ApprovedAsync(db, firstDay, today);
        HoursApprovedThisYear = VolunteerHours.ToHours(hours.Minutes);
        HourlyRate = Money.ToEuros(hours.HourlyRateCents);
        HoursValueThisYear = Money.ToEuros(hours.ValueCents);
        var yearStart = townClock.StartOfYear(Year);
        MatchesThisYear = await db.Matches.CountAsync(m => m.Status == MatchStatus.Completed && (m.CompletedAt ?? m.CreatedAt) >= yearStart);

        OpenReports = await db.Reports.CountAsync(r => r.Status == ReportStatus.Open);
        HiddenListings = await db.Listings.CountAsync(l => l.IsHidden && l.Status != ListingStatus.Closed);
        PendingOrganisations = await db.Organisations.CountAsync(o => o.Status == OrganisationStatus.Pending);
    }
}
