using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Messages;
using Marketplace.Web.Pages.Messages;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Me;

/// <summary>My area in this town: my listings with quick actions, my conversations, my organisations.</summary>
public sealed class IndexModel(AppDbContext db, CurrentMember member, ITenantContext tenant, UnreadMessages unread, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MyListing> Listings { get; private set; } = [];
    public IReadOnlyList<Messages.IndexModel.ConversationRow> Conversations { get; private set; } = [];
    public IReadOnlyList<MyOrganisation> Organisations { get; private set; } = [];

    /// <param name="QuickActions">Those the listing's detail page offers too (by state and end; a blocked member only withdraws).</param>
    public sealed record MyListing(int Id, string Title, ListingType Type, ListingStatus Status, bool IsHidden, DateTimeOffset? ExpiresAt,
        IReadOnlyList<ListingAction> QuickActions);

    private static readonly ListingAction[] Quick =
        [ListingAction.Publish, ListingAction.Pause, ListingAction.Resume, ListingAction.Renew, ListingAction.Close];

    public sealed record MyOrganisation(int Id, string Name, OrganisationRole Role, OrganisationStatus Status);

    /// <summary>Proposals from the coordination office that wait for this member's answer.</summary>
    public int MatchesAwaitingMe { get; private set; }

    public async Task OnGetAsync()
    {
        var me = member.UserId!;
        MatchesAwaitingMe = await Matching.MatchSides.Query(db).CountAsync(s => s.Status == MatchStatus.Proposed
            && ((s.RequestUserId == me && s.RequestAnswer == MatchAnswer.Pending) || (s.OfferUserId == me && s.OfferAnswer == MatchAnswer.Pending)));
        var now = clock.GetUtcNow();
        var listings = await db.Listings.AsNoTracking().Where(l => l.PosterUserId == me).OrderByDescending(l => l.Id)
            .Select(l => new { l.Id, l.Title, l.Type, l.Status, l.IsHidden, l.ExpiresAt }).ToListAsync();
        var lifetime = await db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.ListingLifetimeDays).SingleAsync();
        var canParticipate = await member.CanParticipateAsync();
        Listings = listings.Select(l => new MyListing(l.Id, l.Title, l.Type, ListingLifecycle.EffectiveStatus(l.Status, l.ExpiresAt, now),
                l.IsHidden, l.ExpiresAt,
                Quick.Where(a => ListingLifecycle.IsOffered(a, l.Status, l.ExpiresAt, now, lifetime)
                    && (canParticipate || !ListingLifecycle.MakesVisible(a))).ToList()))
            .ToList();
        Conversations = await Messages.IndexModel.LoadAsync(db, unread, me);
        Organisations = await db.OrganisationMembers.AsNoTracking().Where(m => m.UserId == me).OrderBy(m => m.Organisation!.Name)
            .Select(m => new MyOrganisation(m.OrganisationId, m.Organisation!.Name, m.Role, m.Organisation.Status)).ToListAsync();
    }
}
