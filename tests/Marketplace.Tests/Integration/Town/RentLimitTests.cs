using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Town;

/// <summary>The SGB II rent limits (Mietobergrenzen) a town admin keeps, and the check on housing listings that uses them.</summary>
[Trait("Category", "Database")]
public sealed class RentLimitTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Page = "/town/rent-limits";

    private async Task<HttpClient> TownAdminAsync(string slug)
    {
        var client = app.TownClient(slug);
        await client.LoginOkAsync($"{slug}-admin");
        return client;
    }

    private Task<Dictionary<int, long>> LimitsAsync(string slug) =>
        app.InTownAsync(slug, db => db.RentLimits.AsNoTracking().ToDictionaryAsync(r => r.HouseholdSize, r => r.MaxWarmRentCents));

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, string size, string amount) =>
        client.SubmitAsync(Page, "[data-testid=rent-limit-add-form]", new Dictionary<string, string>
        {
            ["Input.HouseholdSize"] = size,
            ["Input.MaxWarmRent"] = amount,
        });

    private static IElement Row(IDocument page, int size) =>
        page.QuerySelectorAll("[data-testid=rent-limit-row]").Single(r => r.GetAttribute("data-household-size") == size.ToString());

    [Fact]
    public async Task GermanAndEnglishDecimalInput_AreBothUnderstood()
    {
        var client = await TownAdminAsync("potsdam");

        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(client, "1", "612,50")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(client, "2", "712.50")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(client, "3", "1.050,75")).StatusCode);

        var limits = await LimitsAsync("potsdam");
        Assert.Equal(612_50, limits[1]);
        Assert.Equal(712_50, limits[2]);
        Assert.Equal(1050_75, limits[3]);

        var page = await client.GetPageAsync(Page);
        Assert.Contains("612,50", Row(page, 1).TextContent + Row(page, 1).QuerySelector("input[name='Input.MaxWarmRent']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Rows_AreChangedAndRemoved_WithoutJavaScript()
    {
        var client = await TownAdminAsync("koeln");
        await AddAsync(client, "4", "900");
        await AddAsync(client, "5", "1000");

        var page = await client.GetPageAsync(Page);
        var change = (IHtmlFormElement)Row(page, 4).QuerySelector("[data-testid=rent-limit-change-form]")!;
        var changed = await client.SubmitAsync(change, Page, new Dictionary<string, string> { ["Input.MaxWarmRent"] = "955,25" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(955_25, (await LimitsAsync("koeln"))[4]);

        page = await client.GetPageAsync(Page);
        var remove = (IHtmlFormElement)Row(page, 5).QuerySelector("[data-testid=rent-limit-remove-form]")!;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(remove, Page)).StatusCode);
        Assert.False((await LimitsAsync("koeln")).ContainsKey(5));
        Assert.True((await LimitsAsync("koeln")).ContainsKey(4));
    }

    [Fact]
    public async Task SecondRowForTheSameHouseholdSize_IsRefusedAtTheField()
    {
        var client = await TownAdminAsync("koeln");
        await AddAsync(client, "6", "1200");

        var response = await AddAsync(client, "6", "1300");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.FieldError("Input.HouseholdSize"));
        Assert.Equal(1200_00, (await LimitsAsync("koeln"))[6]);
    }

    [Fact]
    public async Task WithHtmx_AddAndDuplicate_ReturnTheEditorFragment()
    {
        var client = await TownAdminAsync("koeln");
        var token = (await client.GetPageAsync(Page)).QuerySelector("[data-testid=rent-limit-add-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        HttpRequestMessage Add(string amount)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"{Page}?handler=Add")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["Input.HouseholdSize"] = "8", ["Input.MaxWarmRent"] = amount,
                }),
            };
            request.Headers.Add("HX-Request", "true");
            return request;
        }

        var added = await client.SendAsync(Add("1.400,00"));
        var duplicate = await client.SendAsync(Add("1500"));

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var html = await added.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"rent-limit-editor\">", html.Trim());
        Assert.DoesNotContain("<html", html);
        Assert.NotNull(Row(await Html.ParseAsync(added), 8));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("schon", (await Html.ParseAsync(duplicate)).FieldError("Input.HouseholdSize"));
        Assert.Equal(1400_00, (await LimitsAsync("koeln"))[8]);
    }

    [Theory]
    [InlineData("0", "500", "Input.HouseholdSize")]
    [InlineData("13", "500", "Input.HouseholdSize")]
    [InlineData("", "500", "Input.HouseholdSize")]
    [InlineData("7", "10000,01", "Input.MaxWarmRent")]
    [InlineData("7", "-1", "Input.MaxWarmRent")]
    [InlineData("7", "sechshundert", "Input.MaxWarmRent")]
    [InlineData("7", "612,505", "Input.MaxWarmRent")]
    [InlineData("7", "", "Input.MaxWarmRent")]
    public async Task InvalidRow_ShowsTheMessageAtTheField_AndSavesNothing(string size, string amount, string field)
    {
        var client = await TownAdminAsync("erlangen");
        var before = await LimitsAsync("erlangen");

        var response = await AddAsync(client, size, amount);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.FieldError(field));
        Assert.Equal(before, await LimitsAsync("erlangen"));
    }

    [Fact]
    public async Task ChangingAnotherTownsRow_IsNotFound()
    {
        var erlangen = await TownAdminAsync("erlangen");
        await AddAsync(erlangen, "11", "2000");
        var rowId = await app.InTownAsync("erlangen", db => db.RentLimits.Where(r => r.HouseholdSize == 11).Select(r => r.Id).SingleAsync());
        var potsdam = await TownAdminAsync("potsdam");
        var token = (await potsdam.GetPageAsync(Page)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await potsdam.PostAsync($"{Page}?handler=Change&id={rowId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.HouseholdSize"] = "11",
            ["Input.MaxWarmRent"] = "1",
        }));
        var removed = await potsdam.PostAsync($"{Page}?handler=Remove&id={rowId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removed.StatusCode);
        Assert.Equal(2000_00, (await LimitsAsync("erlangen"))[11]);
    }

    [Fact]
    public async Task TownNav_LinksToRentLimits_AndMembersGet403()
    {
        var admin = await TownAdminAsync("erlangen");
        Assert.Equal(Page, (await admin.GetPageAsync("/town/settings")).QuerySelector("[data-testid=town-nav-rent-limits]")!.GetAttribute("href"));

        var member = app.TownClient("erlangen");
        await member.LoginOkAsync("erlangen-mitglied");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(Page)).StatusCode);
    }

    [Fact]
    public async Task HousingListing_ShowsForWhichHouseholdSizesTheRentIsWithinTheLimit()
    {
        var admin = await TownAdminAsync("erlangen");
        await AddAsync(admin, "1", "549,99");
        await AddAsync(admin, "2", "550");
        await AddAsync(admin, "3", "700.00");
        var id = await app.CreateListingAsync("erlangen", "erlangen-mitglied", categoryKey: "wohnung", configure: l => l.WarmRentCents = 550_00);

        // Housing is mediated by default: the office, which makes the match, sees the check; the public sees a summary only.
        var page = await (await app.SignedInAsync("erlangen", "erlangen-koordination")).GetPageAsync($"/listings/{id}");

        var items = page.QuerySelectorAll("[data-testid=rent-check] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.StartsWith("über der Mietobergrenze", items.Single(i => i.Contains(" 1 ")));
        Assert.StartsWith("im Rahmen der Mietobergrenze", items.Single(i => i.Contains(" 2 ")));
        Assert.StartsWith("im Rahmen der Mietobergrenze", items.Single(i => i.Contains(" 3 ")));
    }
}
