using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Privacy;

/// <summary>
/// What is left of a listing once its time is over (retention) or its person has gone (account deletion): type,
/// category, district, status and dates stay for the office's figures and for the matches and hours that point to it;
/// the title becomes a generic one in the town's language, and description, meeting point and photos are removed, since
/// people write names, addresses and faces into them.
/// </summary>
public sealed class ListingAnonymiser(AppDbContext db, ITenantContext tenant, IStringLocalizer<SharedResource> l)
{
    /// <summary>Returns how many listings lost their text.</summary>
    public async Task<int> AnonymiseAsync(IQueryable<Listing> listings)
    {
        string title;
        using (CultureScope.Use(tenant.Tenant!.DefaultCulture))
        {
            title = l["Privacy_AnonymisedListingTitle"].Value;
        }

        await db.ListingPhotos.Where(p => listings.Any(x => x.Id == p.ListingId)).ExecuteDeleteAsync();
        return await listings.Where(x => x.Description != "" || x.MeetingPoint != null || x.Title != title)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Title, title).SetProperty(x => x.Description, "").SetProperty(x => x.MeetingPoint, (string?)null));
    }
}
