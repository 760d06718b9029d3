using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Messages;
using Marketplace.Web.Pages.Messages;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Me;

/// <summary>My area in this town: my listings with quick actions, my conversations, my organisations.</summary>
public sealed class IndexModel(CurrentMember member, ITenantContext tenant, UnreadMessages unread, MemberViewCache views,
    TimeProvider clock) : PageModel
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

    /// <summary>
    /// A page of my listings, the newest first, as the public list pages them: an initiative with hundreds of listings
    /// gets a page a phone can load, and every page is as quick to build. The whole list is one click away.
    /// </summary>
    public const int ListingsPerPage = 20;

    /// <summary>The most recent conversations; all of them are on the messages page.</summary>
    public const int ConversationsShown = 10;

    /// <summary>
    /// What the rendered lists depend on besides the language and the page: the member's data as read (a new version
    /// with every read, see <see cref="MyArea"/>) and whether they may act. The lists are kept rendered for as long as
    /// the data (<c>&lt;cache&gt;</c> in the page): building twenty cards with their buttons was the page's largest cost.
    /// </summary>
    public string RenderedWith { get; private set; } = "";

    public int ListingPage { get; private set; } = 1;
    public int ListingPages { get; private set; } = 1;

    /// <summary>Where a quick action returns to: this page of my listings.</summary>
    public string ReturnUrl => ListingPage > 1 ? $"/me?p={ListingPage}" : "/me";

    public string ListingPageUrl(int page) => page > 1 ? $"/me?p={page}" : "/me";

    public async Task OnGetAsync([FromQuery(Name = "p")] int page = 1)
    {
        var me = member.UserId!;
        // Read for this member at most every few seconds (Security/MemberViewCache); what the buttons offer is decided
        // per request, against the clock and the member's current standing.
        var area = (await views.GetOrLoadAsync(HttpContext, tenant.TenantId!.Value, me, "me", () => LoadAsync(me)))!;
        MatchesAwaitingMe = area.MatchesAwaitingMe;
        var now = clock.GetUtcNow();
        var canParticipate = await member.CanParticipateAsync();
        RenderedWith = $"{area.Version:N}:{canParticipate}";
        ListingPages = Math.Max(1, (area.Listings.Count + ListingsPerPage - 1) / ListingsPerPage);
        ListingPage = Math.Clamp(page, 1, ListingPages);
        Listings = area.Listings.Skip((ListingPage - 1) * ListingsPerPage).Take(ListingsPerPage)
            .Select(l => new MyListing(l.Id, l.Title, l.Type, ListingLifecycle.EffectiveStatus(l.Status, l.ExpiresAt, now), l.IsHidden, l.ExpiresAt,
                Quick.Where(a => ListingLifecycle.IsOffered(a, l.Status, l.ExpiresAt, now, area.LifetimeDays)
                    && (canParticipate || !ListingLifecycle.MakesVisible(a))).ToList()))
            .ToList();
        Conversations = area.Conversations.Take(ConversationsShown).ToList();
        Organisations = area.Organisations;
    }

    private sealed record ListingRow(int Id, string Title, ListingType Type, ListingStatus Status, bool IsHidden, DateTimeOffset? ExpiresAt);

    /// <param name="Version">New with every read, so the page's rendered parts are kept exactly as long as the data they show.</param>
    private sealed record MyArea(Guid Version, int MatchesAwaitingMe, IReadOnlyList<ListingRow> Listings, int LifetimeDays,
        IReadOnlyList<Messages.IndexModel.ConversationRow> Conversations, IReadOnlyList<MyOrganisation> Organisations);

    /// <summary>Takes the data context only on a miss: most requests are answered from the member's cached views.</summary>
    private async Task<MyArea?> LoadAsync(string me)
    {
        var db = HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        var matchesAwaitingMe = await Matching.MatchSides.Query(db).CountAsync(s => s.Status == MatchStatus.Proposed
            && ((s.RequestUserId == me && s.RequestAnswer == MatchAnswer.Pending) || (s.OfferUserId == me && s.OfferAnswer == MatchAnswer.Pending)));
        var listings = await db.Listings.AsNoTracking().Where(l => l.PosterUserId == me).OrderByDescending(l => l.Id)
            .Select(l => new ListingRow(l.Id, l.Title, l.Type, l.Status, l.IsHidden, l.ExpiresAt)).ToListAsync();
        var lifetime = await db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.ListingLifetimeDays).SingleAsync();
        var conversations = await Messages.IndexModel.LoadAsync(db, unread, me);
        var organisations = await db.OrganisationMembers.AsNoTracking().Where(m => m.UserId == me).OrderBy(m => m.Organisation!.Name)
            .Select(m => new MyOrganisation(m.OrganisationId, m.Organisation!.Name, m.Role, m.Organisation.Status)).ToListAsync();
        return new MyArea(Guid.NewGuid(), matchesAwaitingMe, listings, lifetime, conversations, organisations);
    }
}
