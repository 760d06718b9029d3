using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Listings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Pages.Listings;

/// <summary>
/// Browse and search, for everyone. One GET form: without JavaScript it reloads the page; with htmx only the
/// results are swapped and the address follows, so every state can be bookmarked and shared.
/// The page number is "p": "page" is a route value Razor Pages reserves.
/// </summary>
public sealed class IndexModel(AppDbContext db, IMemoryCache cache, ListingSearch search, PublicListingCache publicAnswers) : PageModel
{
    public ListingFilter Filter { get; private set; } = new();
    public ListingResults Results { get; private set; } = null!;
    public IReadOnlyList<ListingFormOptions.CategoryGroup> Categories { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? q, ListingType? type, int? category, int? district, string? language,
        string? poster, ListingSort sort = ListingSort.Newest, int p = 1)
    {
        Filter = new ListingFilter(SearchBox(q), type, category, district, Localization.SpokenLanguages.IsKnown(language ?? "") ? language : null,
            poster, sort, Math.Clamp(p, 1, ListingFilter.MaxPage));
        // The same for every reader (see ListingResults.LoadAsync), so one answer serves them all for a few seconds.
        var key = (nameof(ListingResults), CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, Filter);
        Results = (await publicAnswers.GetOrLoadAsync(db.CurrentTenantId, key, async () => await ListingResults.LoadAsync(search, Filter, db, cache)))!;

        if (Request.WantsFragment())
        {
            return Partial("_ListingResults", Results);
        }

        var options = await ListingFormOptions.LoadAsync(db, cache, userId: "");
        Categories = options.Categories;
        Districts = options.Districts;
        return Page();
    }

    /// <summary>
    /// What was typed into the search box, as far as it can be text: control characters (a NUL byte no database takes)
    /// become spaces, and it is cut at the box's length.
    /// </summary>
    private static string? SearchBox(string? q)
    {
        if (q is null)
        {
            return null;
        }

        var text = new string(q.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return text.Length == 0 ? null : text[..Math.Min(text.Length, 200)].Trim();
    }
}

/// <summary>One page of cards plus what the pager needs.</summary>
public sealed record ListingResults(IReadOnlyList<ListingCard> Cards, int Total, ListingFilter Filter)
{
    /// <summary>New with every read: the page keeps the results rendered exactly as long as this answer is kept.</summary>
    public Guid Version { get; } = Guid.NewGuid();

    /// <summary>With a text query (LINQ path), up to this many matching ids are read in one go, so the full-text match runs once per request.</summary>
    private const int IdWindow = 2000;

    public int Pages => Math.Max(1, (Total + ListingFilter.PageSize - 1) / ListingFilter.PageSize);

    /// <summary>
    /// Public listings only (<see cref="ListingVisibility"/>). Cards of listings in office mode are read without poster and
    /// photo. Lists are the same for every reader (and partly cached), so this holds for posters and coordinators too; they
    /// see everything on the listing's page.
    /// </summary>
    public static async Task<ListingResults> LoadAsync(ListingSearch search, ListingFilter filter, AppDbContext db, IMemoryCache cache)
    {
        TextSearch? text = null;
        if (filter.Q is not null)
        {
            if (SearchQuery.Parse(filter.Q) is not { } words)
            {
                // Only punctuation: no word to look for, so nothing matches.
                return new ListingResults([], 0, filter);
            }

            text = await SearchCategories.ResolveAsync(db, cache, words);
        }

        if (search.PageOnSqlite(filter, text) is { } criteria)
        {
            var (rows, count) = await SqliteListingPage.LoadAsync(db, criteria);
            var names = await ListingFormOptions.LoadAsync(db, cache, userId: "");
            if (rows.Any(r => !names.CardCategories.ContainsKey(r.CategoryId) || !names.CardDistricts.ContainsKey(r.DistrictId)))
            {
                // Added on another instance since this one cached the names.
                names = await ListingFormOptions.LoadAsync(db, cache, userId: "", fresh: true);
            }

            return new ListingResults(rows.Select(r =>
            {
                var (icon, category) = names.CardCategories.GetValueOrDefault(r.CategoryId, ("", ""));
                return new ListingCard(r.Id, r.Type, r.Title, icon, category, names.CardDistricts.GetValueOrDefault(r.DistrictId, ""),
                    r.Poster, r.Verified, r.PublishedAt, r.ExpiresAt, r.PhotoId, r.ViaOffice);
            }).ToList(), count, filter);
        }

        return await LoadWithLinqAsync(search, filter, text, db);
    }

    private static async Task<ListingResults> LoadWithLinqAsync(ListingSearch search, ListingFilter filter, TextSearch? text, AppDbContext db)
    {
        var query = search.Apply(filter, text);
        var skip = (filter.Page - 1) * ListingFilter.PageSize;
        List<int> pageIds;
        int total;
        if (text is null)
        {
            // Without words to match, the index answers count and page directly.
            total = await query.CountAsync();
            pageIds = await query.Select(l => l.Id).Skip(skip).Take(ListingFilter.PageSize).ToListAsync();
        }
        else
        {
            var ids = await query.Select(l => l.Id).Take(IdWindow + 1).ToListAsync();
            total = ids.Count <= IdWindow ? ids.Count : await query.CountAsync();
            pageIds = ids.Count <= IdWindow
                ? ids.Skip(skip).Take(ListingFilter.PageSize).ToList()
                : await query.Select(l => l.Id).Skip(skip).Take(ListingFilter.PageSize).ToListAsync();
        }
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        // Only this page's listings are tested for office mode, not every listing of the town.
        var inOfficeMode = OfficeMode.Only(db, db.Listings.Where(l => pageIds.Contains(l.Id))).Select(l => l.Id);
        var rows = await search.ByIds(pageIds)
            .Select(l => new { Listing = l, ViaOffice = inOfficeMode.Contains(l.Id) })
            .Select(x => new
            {
                x.Listing.Id, x.Listing.Type, x.Listing.Title, x.Listing.Category!.Icon, x.Listing.Category.Names, District = x.Listing.District!.Name,
                x.Listing.PublishedAt, x.Listing.ExpiresAt, x.ViaOffice,
                Poster = x.ViaOffice ? null : x.Listing.Organisation != null ? x.Listing.Organisation.Name : x.Listing.Poster!.UserName,
                Verified = !x.ViaOffice && x.Listing.Organisation != null && x.Listing.Organisation.Status == OrganisationStatus.Approved,
                PhotoId = x.ViaOffice ? null : x.Listing.Photos.OrderBy(p => p.SortOrder).Select(p => (int?)p.Id).FirstOrDefault(),
            })
            .ToListAsync();
        var order = pageIds.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
        var cards = rows.OrderBy(r => order[r.Id]).Select(r => new ListingCard(r.Id, r.Type, r.Title, r.Icon,
            r.Names.GetValueOrDefault(culture) ?? r.Names.GetValueOrDefault("de") ?? "", r.District, r.Poster ?? "", r.Verified,
            r.PublishedAt, r.ExpiresAt, r.PhotoId, r.ViaOffice)).ToList();
        return new ListingResults(cards, total, filter);
    }
}

public sealed record ListingCard(int Id, ListingType Type, string Title, string CategoryIcon, string CategoryName, string District,
    string Poster, bool Verified, DateTimeOffset? PublishedAt, DateTimeOffset? ExpiresAt, int? PhotoId, bool ViaOffice = false);
