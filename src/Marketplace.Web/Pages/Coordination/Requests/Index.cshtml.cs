using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Pages.Listings;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Pages.Coordination.Requests;

/// <summary>The request queue: open requests, longest waiting first, filtered by what the coordinator is looking for.</summary>
public sealed class IndexModel(AppDbContext db, IMemoryCache cache, CurrentMember member, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public int? Category { get; set; }
    [BindProperty(SupportsGet = true)] public int? District { get; set; }
    [BindProperty(SupportsGet = true)] public AgeBucket? Age { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }

    /// <summary>"me", "none" or a coordinator's user id.</summary>
    [BindProperty(SupportsGet = true)] public string? Assignee { get; set; }
    [BindProperty(SupportsGet = true)] public OfficeStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool MediatedOnly { get; set; }

    public ListingFormOptions Options { get; private set; } = null!;
    public IReadOnlyList<(string Id, string Name)> Coordinators { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public sealed record Row(int Id, string Title, int CategoryId, int DistrictId, DateTimeOffset Since, string? Assignee, OfficeStatus Status,
        MatchEndReason? LastEndReason, bool Mediated, int OpenInquiries);

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        Options = await ListingFormOptions.LoadAsync(db, cache, "");
        Coordinators = (await db.Memberships.AsNoTracking().Where(m => m.Role >= TownRole.Coordinator)
                .OrderBy(m => m.User!.UserName).Select(m => new { m.UserId, m.User!.UserName }).ToListAsync())
            .Select(c => (c.UserId, c.UserName!)).ToList();

        var query = RequestQueue.Open(db).AsNoTracking();
        if (Category is { } category)
        {
            query = query.Where(l => l.CategoryId == category || l.Category!.ParentId == category);
        }

        if (District is { } district)
        {
            query = query.Where(l => l.DistrictId == district);
        }

        if (Age is { } age && Enum.IsDefined(age))
        {
            query = query.InBucket(age, Now);
        }

        if (!string.IsNullOrEmpty(Language) && Localization.SpokenLanguages.IsKnown(Language))
        {
            var packed = "," + Language + ",";
            query = query.Where(l => l.Languages.Contains(packed));
        }

        query = Assignee switch
        {
            null or "" => query,
            "me" => query.Where(l => l.AssignedToUserId == member.UserId),
            "none" => query.Where(l => l.AssignedToUserId == null),
            var someone => query.Where(l => l.AssignedToUserId == someone),
        };
        if (Status is { } status)
        {
            query = query.Where(l => l.OfficeStatus == status);
        }

        if (MediatedOnly)
        {
            query = query.Where(l => l.Category!.ExchangeMode == ExchangeMode.Mediated || l.Category.Parent!.ExchangeMode == ExchangeMode.Mediated);
        }

        Total = await query.CountAsync();
        Rows = await query.OrderBy(l => l.PublishedAt ?? l.CreatedAt).ThenBy(l => l.Id).Take(PageSize)
            .Select(l => new Row(l.Id, l.Title, l.CategoryId, l.DistrictId, l.PublishedAt ?? l.CreatedAt,
                db.Users.Where(u => u.Id == l.AssignedToUserId).Select(u => u.UserName).FirstOrDefault(), l.OfficeStatus,
                db.Matches.Where(m => m.ListingId == l.Id && m.Status == MatchStatus.Declined).OrderByDescending(m => m.Id).Select(m => m.EndReason).FirstOrDefault(),
                l.Category!.ExchangeMode == ExchangeMode.Mediated || (l.Category.Parent != null && l.Category.Parent.ExchangeMode == ExchangeMode.Mediated),
                db.OfficeInquiries.Count(i => i.ListingId == l.Id && i.HandledAt == null)))
            .ToListAsync();
    }
}
