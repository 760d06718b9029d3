using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Coordination;

/// <summary>The coordination office's start page: what waits for it, with links to each desk.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public int OpenReports { get; private set; }
    public int HiddenListings { get; private set; }
    public int PendingOrganisations { get; private set; }

    public async Task OnGetAsync()
    {
        OpenReports = await db.Reports.CountAsync(r => r.Status == ReportStatus.Open);
        HiddenListings = await db.Listings.CountAsync(l => l.IsHidden && l.Status != ListingStatus.Closed);
        PendingOrganisations = await db.Organisations.CountAsync(o => o.Status == OrganisationStatus.Pending);
    }
}
