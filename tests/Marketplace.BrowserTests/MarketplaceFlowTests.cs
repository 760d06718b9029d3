using System.Text.RegularExpressions;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.BrowserTests;

/// <summary>
/// The marketplace end to end in a real browser: posting with a photo, searching (with htmx and without JavaScript),
/// responding, the conversation with unread badge and contact sharing, and the listing page on a phone.
/// </summary>
[Trait("Category", "Browser")]
public sealed class MarketplaceFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Town = "erlangen";
    private const string Poster = "erlangen-mitglied";
    private const string Coordinator = "erlangen-koordination";
    private const string Lena = DemoData.MultiTownUserName;

    [Fact]
    public async Task A_member_posts_an_offer_with_a_photo_another_finds_it_live_responds_and_they_talk_and_share_an_email()
    {
        var word = UniqueWord();
        var title = "Lastenrad " + word;
        var lenasEmail = DemoData.EmailOf(Lena);
        var bicycles = await app.InTownAsync(Town, db => db.Categories.Where(c => c.Key == "fahrraeder").Select(c => c.Id).SingleAsync());

        // The poster publishes an offer with a photo.
        var poster = await app.NewPageAsync();
        await LogInAsync(poster, Poster);
        await poster.GotoAsync(app.TownUrl(Town, "/listings/new"));
        var form = poster.GetByTestId("listing-form");
        await form.GetByTestId("type-offer").CheckAsync();
        await form.GetByTestId("listing-category-select").SelectOptionAsync(bicycles.ToString());
        await form.GetByTestId("listing-title-input").FillAsync(title);
        await form.GetByTestId("listing-description-input").FillAsync("Ein Lastenrad mit Kindersitz, gut in Schuss. Bitte in Bruck abholen.");
        await form.GetByTestId("listing-district-select").SelectOptionAsync(new SelectOptionValue { Label = Bidi.Isolate("Bruck") });
        await form.GetByTestId("listing-photos").SetInputFilesAsync(new FilePayload
        {
            Name = "rad.jpg",
            MimeType = "image/jpeg",
            Buffer = TestPhotos.JpegWithGps(),
        });
        await form.GetByTestId("listing-publish").ClickAsync();

        await Expect(poster).ToHaveURLAsync(new Regex(@"/listings/\d+$"));
        await Expect(poster.GetByTestId("listing-title")).ToHaveTextAsync(title);
        var photo = poster.GetByTestId("listing-photo");
        await Expect(photo).ToHaveCountAsync(1);
        await photo.ScrollIntoViewIfNeededAsync();
        var naturalWidth = await photo.EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth, () => 0)");
        Assert.True(naturalWidth > 0, "The listing photo did not load.");
        var listingPath = new Uri(poster.Url).AbsolutePath;

        // Lena searches; htmx swaps only the results and pushes the address, the page is not reloaded.
        var lena = await app.NewPageAsync();
        await LogInAsync(lena, Lena);
        await lena.GotoAsync(app.TownUrl(Town, "/listings"));
        await lena.EvaluateAsync("() => { window.__sameDocument = true; }");
        await lena.GetByTestId("listing-search").FillAsync(word);
        await Expect(lena).ToHaveURLAsync(new Regex($@"/listings\?(.*&)?q={word}(&|$)"));
        var card = lena.GetByTestId("listing-card").Filter(new() { HasText = title });
        await Expect(card).ToHaveCountAsync(1);
        await Expect(lena.GetByTestId("listing-card")).ToHaveCountAsync(1);
        Assert.True(await lena.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The search reloaded the whole page.");

        // Leave the search box and let any search still in flight land before the click. The form no longer searches on the
        // box's "change" (it once did, and that search raced the click); Opening_a_search_result_straight_from_... clicks
        // with the focus still in the box.
        await LeaveSearchBoxAsync(lena);

        // ... opens the listing and writes the first message.
        await card.GetByTestId("listing-title").ClickAsync();
        await Expect(lena).ToHaveURLAsync(app.TownUrl(Town, listingPath));
        await Expect(lena.GetByTestId("listing-title")).ToHaveTextAsync(title);
        await lena.GetByTestId("respond-button").ClickAsync();
        await Expect(lena.GetByTestId("start-listing")).ToContainTextAsync(title);
        var question = "Hallo, ist das Lastenrad noch zu haben? " + word;
        await lena.GetByTestId("message-body").FillAsync(question);
        await lena.GetByTestId("start-submit").ClickAsync();
        await Expect(lena).ToHaveURLAsync(new Regex(@"/messages/\d+$"));
        await Expect(lena.GetByTestId("message").Filter(new() { HasText = question })).ToHaveCountAsync(1);
        var threadPath = new Uri(lena.Url).AbsolutePath;

        // The poster sees the unread badge, opens the conversation and replies.
        await poster.ReloadAsync();
        await Expect(poster.GetByTestId("unread-badge")).ToHaveTextAsync("1");
        await poster.GetByTestId("nav-messages").ClickAsync();
        await Expect(poster).ToHaveURLAsync(app.TownUrl(Town, "/messages"));
        await poster.GetByTestId("conversation-row").Filter(new() { HasText = title }).GetByTestId("conversation-link").ClickAsync();
        await Expect(poster).ToHaveURLAsync(app.TownUrl(Town, threadPath));
        await Expect(poster.GetByTestId("message").Filter(new() { HasText = question })).ToHaveCountAsync(1);
        await Expect(poster.GetByTestId("unread-badge")).ToHaveCountAsync(0);
        await Expect(poster.GetByTestId("shared-email")).ToHaveCountAsync(0);
        Assert.DoesNotContain(lenasEmail, await poster.ContentAsync(), StringComparison.OrdinalIgnoreCase);

        var reply = "Ja, gern! Wann passt es dir? " + word;
        await poster.GetByTestId("message-body").FillAsync(reply);
        await poster.GetByTestId("send-message").ClickAsync();
        await Expect(poster.GetByTestId("message").Filter(new() { HasText = reply })).ToHaveCountAsync(1);
        await Expect(poster.GetByTestId("message-body")).ToHaveValueAsync("");

        // Lena reads the reply and shares her e-mail address.
        await lena.ReloadAsync();
        await Expect(lena.GetByTestId("message").Filter(new() { HasText = reply })).ToHaveCountAsync(1);
        await Expect(lena.GetByTestId("message")).ToHaveCountAsync(2);
        await lena.GetByTestId("share-email").ClickAsync();
        await Expect(lena.GetByTestId("my-email-shared")).ToBeVisibleAsync();

        // Only now does the poster see it.
        await poster.ReloadAsync();
        await Expect(poster.GetByTestId("shared-email")).ToHaveTextAsync(lenasEmail);
        await Expect(poster.GetByTestId("shared-email")).ToHaveAttributeAsync("href", "mailto:" + lenasEmail);

        await lena.Context.CloseAsync();
        await poster.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_JavaScript_a_visitor_searches_filters_by_district_and_opens_a_listing()
    {
        var word = UniqueWord();
        var title = "Werkbank " + word;
        var id = await app.CreateListingAsync(Town, Coordinator, title: title);
        var district = await DistrictOfAsync(id);

        var page = await app.NewPageAsync(javaScript: false);
        await page.GotoAsync(app.TownUrl(Town, "/listings"));
        await page.GetByTestId("listing-search").FillAsync(word);
        await page.GetByTestId("filter-district").SelectOptionAsync(new SelectOptionValue { Label = Bidi.Isolate(district) });
        await page.GetByTestId("filter-submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($@"/listings\?(.*&)?q={word}(&|$)"));
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]district=\d+(&|$)"));
        await Expect(page.GetByTestId("listing-search")).ToHaveValueAsync(word);
        await Expect(page.GetByTestId("filter-district").Locator("option:checked")).ToHaveTextAsync(Bidi.Isolate(district));
        await Expect(page.GetByTestId("result-count")).ToHaveTextAsync("1 Treffer");
        var cards = page.GetByTestId("listing-card");
        await Expect(cards).ToHaveCountAsync(1);
        await Expect(cards.GetByTestId("listing-title")).ToHaveTextAsync(title);
        await Expect(cards.GetByTestId("listing-district")).ToContainTextAsync(district);

        await cards.GetByTestId("listing-title").ClickAsync();
        await Expect(page).ToHaveURLAsync(app.TownUrl(Town, $"/listings/{id}"));
        await Expect(page.GetByTestId("listing-title")).ToHaveTextAsync(title);
        await Expect(page.GetByTestId("listing-district")).ToContainTextAsync(district);
        await Expect(page.GetByTestId("owner-actions")).ToHaveCountAsync(0);

        // Writing to the poster needs an account: the first-message page sends a visitor to the login.
        await page.GotoAsync(app.TownUrl(Town, $"/messages/start/{id}"));
        await Expect(page).ToHaveURLAsync(new Regex(@"/account/login\?returnUrl=%2Fmessages%2Fstart%2F" + id + "$", RegexOptions.IgnoreCase));
        await Expect(page.GetByTestId("login-form")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_JavaScript_an_anonymous_visitor_is_invited_to_log_in_instead_of_a_respond_button_and_returns_to_the_listing()
    {
        var title = "Schraubstock " + UniqueWord();
        var id = await app.CreateListingAsync(Town, Coordinator, title: title);

        var page = await app.NewPageAsync(javaScript: false);
        await page.GotoAsync(app.TownUrl(Town, $"/listings/{id}"));
        await Expect(page.GetByTestId("listing-title")).ToHaveTextAsync(title);
        await Expect(page.GetByTestId("respond-button")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("login-to-respond")).ToBeVisibleAsync();

        // The invitation leads back to the listing, where the respond button now is.
        await page.GetByTestId("login-to-respond").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?returnUrl=", RegexOptions.IgnoreCase));
        await FillLoginAsync(page, Lena);
        await Expect(page).ToHaveURLAsync(app.TownUrl(Town, $"/listings/{id}"));
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(Lena);
        await Expect(page.GetByTestId("respond-button")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("login-to-respond")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_poster_sees_no_respond_button_on_their_own_listing_and_a_phone_shows_it_without_horizontal_scrolling()
    {
        var title = "Kinderwagen " + UniqueWord();
        var id = await app.CreateListingAsync(Town, Coordinator, title: title, configure: listing =>
        {
            listing.Description = "Ein gut erhaltener Kinderwagen mit Regenschutz und Einkaufskorb. Abholung nach Absprache am Wochenende.";
            listing.MeetingPoint = "Vor dem Eingang der Stadtbibliothek";
        });

        var page = await NewPhonePageAsync();
        await LogInAsync(page, Coordinator);
        await page.GotoAsync(app.TownUrl(Town, $"/listings/{id}"));
        await Expect(page.GetByTestId("listing-title")).ToHaveTextAsync(title);
        await Expect(page.GetByTestId("owner-actions")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("respond-button")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("login-to-respond")).ToHaveCountAsync(0);
        await AssertNoHorizontalScrollingAsync(page);

        // Nor can the poster write to themselves by typing the address.
        await page.GotoAsync(app.TownUrl(Town, $"/messages/start/{id}"));
        await Expect(page.GetByTestId("start-refusal")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("start-form")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_JavaScript_a_card_and_a_listing_draw_the_category_pictogram_from_the_site_beside_its_name()
    {
        var word = UniqueWord();
        var id = await app.CreateListingAsync(Town, Coordinator, title: "Fahrradanhänger " + word, categoryKey: "fahrraeder");

        var page = await app.NewPageAsync(javaScript: false);
        foreach (var path in new[] { "/listings?q=" + word, $"/listings/{id}" })
        {
            await page.GotoAsync(app.TownUrl(Town, path));
            var category = page.GetByTestId("listing-category").First;
            await Expect(category).ToHaveTextAsync("Fahrräder");
            // The symbol comes from the site's sprite: a <use> whose target did not load has an empty box.
            var drawn = await category.Locator("svg[aria-hidden=true]").EvaluateAsync<double[]>(
                "svg => { const b = svg.querySelector('use').getBBox(); const r = svg.getBoundingClientRect(); return [b.width, b.height, r.height]; }");
            Assert.True(drawn[0] > 10 && drawn[1] > 10, $"The pictogram was not drawn on {path}: {drawn[0]} x {drawn[1]}.");
            var fontSize = await category.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
            Assert.InRange(drawn[2], fontSize * 1.2, fontSize * 1.3);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_a_listing_with_a_photo_needs_no_horizontal_scrolling()
    {
        var word = UniqueWord();
        var title = "Kinderwagen " + word;
        var id = await app.CreateListingAsync(Town, Coordinator, title: title, configure: listing =>
            listing.Photos.Add(new ListingPhoto { ContentType = "image/jpeg", Data = TestPhotos.Jpeg(), Width = 800, Height = 600 }));

        var page = await NewPhonePageAsync();
        await page.GotoAsync(app.TownUrl(Town, $"/listings/{id}"));
        await Expect(page.GetByTestId("listing-title")).ToHaveTextAsync(title);
        var photo = page.GetByTestId("listing-photo");
        await photo.ScrollIntoViewIfNeededAsync();
        Assert.True(await photo.EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth, () => 0)") > 0, "The listing photo did not load.");
        await AssertNoHorizontalScrollingAsync(page);

        await page.GotoAsync(app.TownUrl(Town, "/listings?q=" + word));
        await Expect(page.GetByTestId("listing-card")).ToHaveCountAsync(1);
        var cardPhoto = page.GetByTestId("listing-card").Locator("img");
        await cardPhoto.ScrollIntoViewIfNeededAsync();
        Assert.True(await cardPhoto.EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth, () => 0)") > 0, "The card photo did not load.");
        await AssertNoHorizontalScrollingAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Opening_a_search_result_straight_from_the_search_box_shows_the_listing_under_its_own_address()
    {
        var word = UniqueWord();
        var title = "Bohrmaschine " + word;
        var id = await app.CreateListingAsync(Town, Coordinator, title: title);

        var page = await app.NewPageAsync();
        await page.GotoAsync(app.TownUrl(Town, "/listings"));
        await page.GetByTestId("listing-search").FillAsync(word);
        await Expect(page).ToHaveURLAsync(new Regex($@"/listings\?(.*&)?q={word}(&|$)"));
        var card = page.GetByTestId("listing-card").Filter(new() { HasText = title });
        await Expect(card).ToHaveCountAsync(1);

        // The focus is still in the search box, as after any typing: the click is the visitor's next action.
        await card.GetByTestId("listing-title").ClickAsync();
        await Expect(page.GetByTestId("listing-details")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(app.TownUrl(Town, $"/listings/{id}"));

        // The address is what a reload, a bookmark or a shared link opens.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("listing-title")).ToHaveTextAsync(title);
        await page.Context.CloseAsync();
    }

    private Task<string> DistrictOfAsync(int listingId) =>
        app.InTownAsync(Town, db => db.Listings.Where(l => l.Id == listingId).Select(l => l.District!.Name).SingleAsync());

    /// <summary>A phone: 375 × 740, touch, mobile meta viewport honoured.</summary>
    private async Task<IPage> NewPhonePageAsync()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "de-DE",
            ViewportSize = new ViewportSize { Width = 375, Height = 740 },
            IsMobile = true,
            HasTouch = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private static async Task AssertNoHorizontalScrollingAsync(IPage page)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(scrollWidth <= 375 + 1, $"{page.Url} is {scrollWidth} px wide on a 375 px screen.");
    }

    /// <summary>
    /// Moves the focus out of the search box and waits until the filter form has no htmx request in flight: today the
    /// box's "change" event starts one more search, whose swap would otherwise race the next click. htmx takes the
    /// request class off the form only after it has swapped the answer in; without such a search there is nothing to wait for.
    /// </summary>
    private static async Task LeaveSearchBoxAsync(IPage page)
    {
        await page.GetByTestId("listing-search").PressAsync("Tab");
        await Expect(page.GetByTestId("listing-filters")).Not.ToHaveClassAsync(new Regex(@"\bhtmx-request\b"));
    }

    /// <summary>A word no other listing contains: letters first, so every search engine reads it as one token.</summary>
    private static string UniqueWord() => "x" + Guid.NewGuid().ToString("N")[..6];

    private async Task LogInAsync(IPage page, string userName)
    {
        await page.GotoAsync(app.TownUrl(Town, "/account/login"));
        await FillLoginAsync(page, userName);
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(userName);
    }

    /// <summary>Fills and submits the login form on the current page and waits until the answer to the POST has arrived.</summary>
    private static async Task FillLoginAsync(IPage page, string userName)
    {
        await page.GetByTestId("login-name").FillAsync(userName);
        await page.GetByTestId("login-password").FillAsync(DemoData.Password);
        await page.RunAndWaitForResponseAsync(() => page.GetByTestId("login-submit").ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/account/login", StringComparison.OrdinalIgnoreCase));
    }
}
