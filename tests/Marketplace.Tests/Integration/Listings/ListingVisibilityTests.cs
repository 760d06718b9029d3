using System.Net;
using AngleSharp.Html.Parser;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Listings;

/// <summary>
/// Who sees a listing (Listings/ListingVisibility): a published one everyone (in office mode only its summary); a paused,
/// fulfilled, closed or expired one, and its photos, only its poster, the members of the organisation it was posted for
/// and the town's coordination office; a hidden one the poster and the office; a draft the poster. Everyone else gets a
/// 404, as if it did not exist.
/// </summary>
[Trait("Category", "Database")]
public sealed class ListingVisibilityTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Slug = "erlangen";
    private const string Description = "Gut erhalten, bitte selbst abholen.";

    /// <summary>A poster who posts for an organisation with one more member, and a member who has nothing to do with either.</summary>
    private sealed record Cast(string Poster, string OrganisationMember, string Stranger, int OrganisationId);

    private async Task<Cast> CastAsync(string prefix)
    {
        var poster = await app.NewMemberAsync(Slug, prefix + "p");
        var colleague = await app.NewMemberAsync(Slug, prefix + "o");
        var stranger = await app.NewMemberAsync(Slug, prefix + "s");
        var organisation = await app.CreateOrganisationAsync(Slug, poster, OrganisationSetup.UniqueName("Sichtverein"), OrganisationStatus.Approved);
        await app.AddMemberAsync(Slug, organisation, colleague, OrganisationRole.Member);
        return new Cast(poster, colleague, stranger, organisation);
    }

    private async Task<(int ListingId, int PhotoId)> ListingWithPhotoAsync(Cast cast, string title, Action<Listing>? configure = null,
        string categoryKey = "fahrraeder")
    {
        var id = await app.CreateListingAsync(Slug, cast.Poster, title: title, categoryKey: categoryKey, configure: l =>
        {
            l.OrganisationId = cast.OrganisationId;
            l.Photos.Add(new ListingPhoto { ContentType = "image/jpeg", Data = TestPhotos.Jpeg(40, 30), Width = 40, Height = 30 });
            configure?.Invoke(l);
        });
        var photoId = await app.InTownAsync(Slug, db => db.ListingPhotos.Where(p => p.ListingId == id).Select(p => p.Id).SingleAsync());
        return (id, photoId);
    }

    private async Task<HttpClient> AsAsync(string? userName) => userName is null ? app.TownClient(Slug) : await app.SignedInAsync(Slug, userName);

    private async Task AssertHiddenFromAsync(string? userName, int listingId, int photoId, string title)
    {
        var client = await AsAsync(userName);
        var details = await client.GetAsync($"/listings/{listingId}");
        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        var html = await details.Content.ReadAsStringAsync();
        Assert.DoesNotContain(title, html);
        Assert.DoesNotContain(Description, html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/listings/photo/{photoId}")).StatusCode);
    }

    private async Task AssertShownToAsync(string userName, int listingId, int photoId, string title)
    {
        var client = await AsAsync(userName);
        var page = await client.GetPageAsync($"/listings/{listingId}");
        Assert.Equal(title, page.TestId("listing-title"));
        Assert.Contains(Description, page.TestId("listing-description"));
        Assert.Single(page.QuerySelectorAll("[data-testid=listing-photo]"));
        var photo = await client.GetAsync($"/listings/photo/{photoId}");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
    }

    public static TheoryData<string> NotPublished => ["Paused", "Fulfilled", "Closed", "Expired", "RunOut"];

    /// <summary>"RunOut": still stored as published, but its end has passed and the nightly job has not marked it yet.</summary>
    private static void Put(Listing listing, string state)
    {
        switch (state)
        {
            case "RunOut":
                listing.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-5);
                break;
            case "Expired":
                listing.Status = ListingStatus.Expired;
                listing.ExpiresAt = DateTimeOffset.UtcNow.AddDays(-1);
                break;
            default:
                listing.Status = Enum.Parse<ListingStatus>(state);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(NotPublished))]
    public async Task NotPublished_DetailsAndPhoto_AreForPosterOrganisationAndOffice_OthersGet404(string state)
    {
        var cast = await CastAsync("v" + state[..2].ToLowerInvariant());
        var title = $"Sichtprobe {state} {Guid.NewGuid():N}"[..30];
        var (listingId, photoId) = await ListingWithPhotoAsync(cast, title, l => Put(l, state));

        await AssertHiddenFromAsync(null, listingId, photoId, title);
        await AssertHiddenFromAsync(cast.Stranger, listingId, photoId, title);
        await AssertShownToAsync(cast.Poster, listingId, photoId, title);
        await AssertShownToAsync(cast.OrganisationMember, listingId, photoId, title);
        await AssertShownToAsync("erlangen-koordination", listingId, photoId, title);
        await AssertShownToAsync("erlangen-admin", listingId, photoId, title);
    }

    [Fact]
    public async Task PosterPausesThroughTheForm_TheListingAndPhotoAre404ForOthers_UntilResumed()
    {
        var cast = await CastAsync("vpause");
        var (listingId, photoId) = await ListingWithPhotoAsync(cast, "Pausenprobe Lastenrad");
        var poster = await AsAsync(cast.Poster);
        var anonymous = app.TownClient(Slug);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/listings/{listingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/listings/photo/{photoId}")).StatusCode);

        var paused = await poster.SubmitAsync($"/listings/{listingId}", "form[action*='handler=Pause']");

        Assert.Equal(HttpStatusCode.Redirect, paused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/listings/{listingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/listings/photo/{photoId}")).StatusCode);
        Assert.Equal("Pausiert", (await poster.GetPageAsync($"/listings/{listingId}")).TestId("listing-status"));

        await poster.SubmitAsync($"/listings/{listingId}", "form[action*='handler=Resume']");

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/listings/{listingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/listings/photo/{photoId}")).StatusCode);
    }

    [Fact]
    public async Task HiddenByModeration_KeepsItsRule_OnlyThePosterAndTheOffice()
    {
        var cast = await CastAsync("vhid");
        const string title = "Versteckprobe Bollerwagen";
        var (listingId, photoId) = await ListingWithPhotoAsync(cast, title, l => l.IsHidden = true);

        await AssertHiddenFromAsync(null, listingId, photoId, title);
        await AssertHiddenFromAsync(cast.Stranger, listingId, photoId, title);
        await AssertHiddenFromAsync(cast.OrganisationMember, listingId, photoId, title);
        await AssertShownToAsync(cast.Poster, listingId, photoId, title);
        await AssertShownToAsync("erlangen-koordination", listingId, photoId, title);
        Assert.NotNull((await (await AsAsync("erlangen-koordination")).GetPageAsync($"/listings/{listingId}")).QuerySelector("[data-testid=listing-hidden]"));
    }

    [Fact]
    public async Task Draft_OnlyThePoster()
    {
        var cast = await CastAsync("vdraft");
        const string title = "Entwurfsprobe Werkbank";
        var (listingId, photoId) = await ListingWithPhotoAsync(cast, title, l => l.Status = ListingStatus.Draft);

        await AssertHiddenFromAsync(null, listingId, photoId, title);
        await AssertHiddenFromAsync(cast.OrganisationMember, listingId, photoId, title);
        await AssertHiddenFromAsync("erlangen-koordination", listingId, photoId, title);
        await AssertShownToAsync(cast.Poster, listingId, photoId, title);
    }

    [Fact]
    public async Task OfficeMode_ThePublicSeesCategoryDistrictTitleAndDatesOnly_OrganisationAndOfficeSeeEverything()
    {
        var cast = await CastAsync("voff");
        const string title = "Bürozimmer Quendel frei";
        var organisationName = await app.InTownAsync(Slug, db => db.Organisations.Where(o => o.Id == cast.OrganisationId).Select(o => o.Name).SingleAsync());
        var (listingId, photoId) = await ListingWithPhotoAsync(cast, title, categoryKey: "wohnung", configure: l =>
        {
            l.Languages = ",de,ar,";
            l.Quantity = 7;
            l.Rooms = 3;
            l.AvailableFrom = new DateOnly(2030, 4, 1);
        });

        foreach (var reader in new string?[] { null, cast.Stranger })
        {
            var client = await AsAsync(reader);
            var response = await client.GetAsync($"/listings/{listingId}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ParseAsync(response);
            Assert.Equal(title, page.TestId("listing-title"));
            Assert.NotNull(page.QuerySelector("[data-testid=listing-category]"));
            Assert.NotNull(page.QuerySelector("[data-testid=listing-district]"));
            Assert.Contains("01.04.2030", page.Body!.TextContent);
            Assert.NotNull(page.QuerySelector("[data-testid=listing-summary-only]"));
            Assert.Null(page.QuerySelector("[data-testid=listing-description]"));
            Assert.Null(page.QuerySelector("[data-testid=listing-poster]"));
            Assert.Null(page.QuerySelector("[data-testid=listing-languages]"));
            Assert.Empty(page.QuerySelectorAll("[data-testid=listing-photo]"));
            var main = page.QuerySelector("main")!.TextContent;
            Assert.DoesNotContain(Description, main);
            Assert.DoesNotContain(organisationName, main);
            Assert.DoesNotContain(cast.Poster, main);
            Assert.DoesNotContain("العربية", main);
            var facts = page.QuerySelectorAll("dl.facts dt").Select(dt => dt.TextContent.Trim()).ToList();
            Assert.DoesNotContain("Zimmer", facts);
            Assert.DoesNotContain(facts, f => f.StartsWith("Anzahl", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/listings/photo/{photoId}")).StatusCode);
        }

        foreach (var insider in new[] { cast.Poster, cast.OrganisationMember, "erlangen-koordination" })
        {
            await AssertShownToAsync(insider, listingId, photoId, title);
            var page = await (await AsAsync(insider)).GetPageAsync($"/listings/{listingId}");
            Assert.Contains(organisationName, page.TestId("listing-poster"));
            Assert.NotNull(page.QuerySelector("[data-testid=listing-languages]"));
            Assert.Null(page.QuerySelector("[data-testid=listing-summary-only]"));
        }
    }

    [Fact]
    public async Task OnlyPublishedListings_AreListedInBrowseSearchProfileAndDigest_AndCanBeAnswered()
    {
        var cast = await CastAsync("vlist");
        var district = await app.InTownAsync(Slug, async db =>
        {
            var d = db.Districts.Add(new District { Name = $"Sichtviertel {Guid.NewGuid():N}"[..30], SortOrder = 901 }).Entity;
            await db.SaveChangesAsync();
            return d.Id;
        });
        var subscriber = await app.NewMemberAsync(Slug, "vdig");
        await app.InTownAsync(Slug, async db =>
        {
            db.DigestSubscriptions.Add(new DigestSubscription
            {
                UserId = await db.Users.Where(u => u.UserName == subscriber).Select(u => u.Id).SingleAsync(),
                Frequency = DigestFrequency.Daily, DistrictIds = [district], CreatedAt = DateTimeOffset.UtcNow.AddDays(-1),
            });
            return await db.SaveChangesAsync();
        });
        const string published = "Kaktusprobe veröffentlicht";
        await ListingWithPhotoAsync(cast, published, l => l.DistrictId = district);
        var unlisted = new Dictionary<string, int>();
        foreach (var state in new[] { "Paused", "Fulfilled", "Closed", "Expired", "RunOut", "Draft", "Hidden" })
        {
            var (id, _) = await ListingWithPhotoAsync(cast, $"Kaktusprobe {state}", l =>
            {
                l.DistrictId = district;
                if (state == "Hidden")
                {
                    l.IsHidden = true;
                }
                else
                {
                    Put(l, state);
                }
            });
            unlisted[state] = id;
        }

        async Task<List<string>> TitlesAsync(HttpClient client, string url) =>
            (await client.GetPageAsync(url)).QuerySelectorAll("[data-testid=listing-card] a").Select(a => a.TextContent.Trim()).ToList();

        foreach (var reader in new string?[] { null, cast.Poster, "erlangen-koordination" })
        {
            var client = await AsAsync(reader);
            Assert.Equal([published], await TitlesAsync(client, $"/listings?district={district}"));
            Assert.Equal([published], await TitlesAsync(client, $"/listings?q=Kaktusprobe"));
            Assert.Equal([published], await TitlesAsync(client, $"/listings?q=Kaktusprobe&district={district}&sort=Ending"));
        }

        var profile = await app.TownClient(Slug).GetPageAsync($"/organisations/{cast.OrganisationId}");
        Assert.Equal([published], profile.QuerySelectorAll("[data-testid=listing-card] a").Select(a => a.TextContent.Trim()).ToList());

        var stranger = await AsAsync(cast.Stranger);
        foreach (var (state, id) in unlisted)
        {
            Assert.True(HttpStatusCode.NotFound == (await stranger.GetAsync($"/messages/start/{id}")).StatusCode, $"{state} can be answered");
        }

        // The town's digest job body without the Hangfire client (whose static logging another test class's host may have disposed).
        await using (var scope = await app.TownScopeAsync(Slug))
        {
            await scope.ServiceProvider.GetRequiredService<ListingDigests>().WriteAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        }

        await app.MailSettledAsync();
        var digest = Assert.Single(app.Smtp.MessagesTo(MessagesTestData.EmailOf(subscriber)));
        var listed = new HtmlParser().ParseDocument(digest.HtmlBody!).QuerySelectorAll("[data-part=item] > a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal([published], listed);
    }

    /// <summary>
    /// The browse page's SQLite statements (<see cref="SqliteListingPage"/>) and the LINQ rule select the same listings and
    /// mark the same ones as in office mode, for listings in every state. On PostgreSQL the page is the LINQ rule itself.
    /// </summary>
    [Fact]
    public async Task BrowseSql_AndTheRule_SelectTheSameListings_AndTheSameOfficeMode()
    {
        var cast = await CastAsync("vsql");
        var district = await app.InTownAsync(Slug, async db =>
        {
            var d = db.Districts.Add(new District { Name = $"Regelviertel {Guid.NewGuid():N}"[..30], SortOrder = 902 }).Entity;
            await db.SaveChangesAsync();
            return d.Id;
        });
        foreach (var state in new[] { "Published", "Paused", "Fulfilled", "Closed", "Expired", "RunOut", "Draft", "Hidden" })
        {
            foreach (var category in new[] { "fahrraeder", "wohnung" })
            {
                await ListingWithPhotoAsync(cast, $"Regelprobe {state} {category}", categoryKey: category, configure: l =>
                {
                    l.DistrictId = district;
                    if (state == "Hidden")
                    {
                        l.IsHidden = true;
                    }
                    else if (state != "Published")
                    {
                        Put(l, state);
                    }
                });
            }
        }

        await app.InTownAsync(Slug, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var byRule = await db.Listings.WherePublic(now).Where(l => l.DistrictId == district)
                .Select(l => new { l.Id, ViaOffice = OfficeMode.Only(db, db.Listings).Any(o => o.Id == l.Id) })
                .ToDictionaryAsync(l => l.Id, l => l.ViaOffice);
            Assert.Equal(2, byRule.Count);
            Assert.Single(byRule, l => l.Value);

            if (new ListingSearch(db, TimeProvider.System).PageOnSqlite(new ListingFilter(District: district)) is { } criteria)
            {
                var (rows, total) = await SqliteListingPage.LoadAsync(db, criteria);
                Assert.Equal(byRule.Count, total);
                Assert.Equal(byRule.OrderBy(r => r.Key), rows.Select(r => new KeyValuePair<int, bool>(r.Id, r.ViaOffice)).OrderBy(r => r.Key));
                Assert.All(rows.Where(r => r.ViaOffice), r => Assert.True(r.Poster == "" && r.PhotoId is null && !r.Verified));
                Assert.All(rows.Where(r => !r.ViaOffice), r => Assert.True(r.Poster != "" && r.PhotoId is not null && r.Verified));
            }

            return 0;
        });
    }
}
