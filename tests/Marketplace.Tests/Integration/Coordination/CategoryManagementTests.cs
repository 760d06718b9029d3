using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Coordination;

/// <summary>The coordination office keeps the town's category tree: rename, icon, add, retire and reactivate.</summary>
[Trait("Category", "Database")]
public sealed class CategoryManagementTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Page = "/coordination/categories";

    private async Task<HttpClient> CoordinatorAsync(string slug)
    {
        var client = app.TownClient(slug);
        await client.LoginOkAsync($"{slug}-koordination");
        return client;
    }

    private Task<Category> CategoryAsync(string slug, string key) =>
        app.InTownAsync(slug, db => db.Categories.AsNoTracking().SingleAsync(c => c.Key == key));

    private static IElement Row(IDocument page, int id) =>
        page.QuerySelector($"[data-testid=category-row][data-category-id='{id}']") ?? throw new InvalidOperationException($"No row {id}.");

    private static IHtmlFormElement Form(IElement row, string testId) =>
        (IHtmlFormElement)(row.QuerySelector($"[data-testid={testId}]") ?? throw new InvalidOperationException($"No form {testId}."));

    [Fact]
    public async Task Tree_ShowsTopLevelWithChildren_IconNamesKindAndSortOrder()
    {
        var client = await CoordinatorAsync("erlangen");

        var page = await client.GetPageAsync(Page);

        var wohnen = await CategoryAsync("erlangen", "wohnen");
        var wohnung = await CategoryAsync("erlangen", "wohnung");
        var top = Row(page, wohnen.Id);
        var icon = top.QuerySelector("[data-testid=category-icon]")!;
        Assert.Equal("svg", icon.LocalName);
        Assert.Equal("true", icon.GetAttribute("aria-hidden"));
        Assert.EndsWith("#home", icon.QuerySelector("use")!.GetAttribute("href"));
        Assert.Equal("Wohnen", top.TestIdIn("category-name-de"));
        Assert.Equal("Housing", top.TestIdIn("category-name-en"));
        Assert.Equal("Житло", top.TestIdIn("category-name-uk"));
        Assert.Equal("Wohnen", top.TestIdIn("category-kind"));
        Assert.Equal(wohnen.SortOrder.ToString(), top.TestIdIn("category-sort"));
        var child = Row(page, wohnung.Id);
        Assert.Equal("Wohnung", child.TestIdIn("category-name-de"));
        Assert.Same(top.Closest("[data-testid=category-group]"), child.Closest("[data-testid=category-group]"));
        Assert.Equal(DefaultCategories.Count, page.QuerySelectorAll("[data-testid=category-row]").Length);
    }

    [Fact]
    public async Task Coordinator_RenamesPerLanguage_AndChangesTheIcon()
    {
        var client = await CoordinatorAsync("erlangen");
        var before = await CategoryAsync("erlangen", "fahrraeder");
        var id = before.Id;
        var page = await client.GetPageAsync(Page);

        var response = await client.SubmitAsync(Form(Row(page, id), "category-edit-form"), Page, new Dictionary<string, string>
        {
            ["Input.Names[de]"] = "Fahrräder & Roller",
            ["Input.Names[en]"] = "Bicycles & scooters",
            ["Input.Names[ar]"] = "دراجات",
            ["Input.Icon"] = "wheelchair",
            ["Input.SortOrder"] = "7",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var category = await CategoryAsync("erlangen", "fahrraeder");
        Assert.Equal("Fahrräder & Roller", category.Names["de"]);
        Assert.Equal("Bicycles & scooters", category.Names["en"]);
        Assert.Equal("دراجات", category.Names["ar"]);
        Assert.Equal(before.Names["fa"], category.Names["fa"]); // a language the form left as it was keeps its name
        Assert.Equal("wheelchair", category.Icon);
        Assert.Equal(7, category.SortOrder);
        Assert.Equal("fahrraeder", category.Key);
    }

    [Theory]
    [InlineData("", "bike", "Input.Names[de]")]
    [InlineData("x", "", "Input.Icon")]
    [InlineData("x", "rocket", "Input.Icon")]
    [InlineData("x", "🚲", "Input.Icon")]
    [InlineData("x", "12345678901234567", "Input.Icon")]
    public async Task InvalidEdit_ShowsTheMessageAtTheField_AndChangesNothing(string german, string icon, string field)
    {
        var client = await CoordinatorAsync("potsdam");
        var before = await CategoryAsync("potsdam", "kleidung");
        var page = await client.GetPageAsync(Page);

        var response = await client.SubmitAsync(Form(Row(page, before.Id), "category-edit-form"), Page, new Dictionary<string, string>
        {
            ["Input.Names[de]"] = german,
            ["Input.Names[en]"] = "Changed",
            ["Input.Icon"] = icon,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = await Html.ParseAsync(response);
        Assert.NotNull(Row(result, before.Id).QuerySelector($"[data-valmsg-for='{field}']"));
        Assert.NotNull(result.FieldError(field));
        var after = await CategoryAsync("potsdam", "kleidung");
        Assert.Equal(before.Names, after.Names);
        Assert.Equal(before.Icon, after.Icon);
    }

    [Fact]
    public async Task UnknownIconOnAdd_IsRefusedAtTheIconField_WithAMessageToChooseFromTheList()
    {
        var client = await CoordinatorAsync("potsdam");
        var count = await app.InTownAsync("potsdam", db => db.Categories.CountAsync());

        var response = await client.SubmitAsync(Page, "[data-testid=category-add-form]", new Dictionary<string, string>
        {
            ["Input.Names[de]"] = "Raketen",
            ["Input.Icon"] = "rocket",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var form = (await Html.ParseAsync(response)).QuerySelector("[data-testid=category-add-form]")!;
        Assert.Equal("Bitte wählen Sie ein Symbol aus der Liste.", form.QuerySelector("[data-valmsg-for='Input.Icon']")!.TextContent.Trim());
        Assert.Equal(count, await app.InTownAsync("potsdam", db => db.Categories.CountAsync()));
    }

    [Fact]
    public async Task IconField_OffersEveryShippedIconByName_WithTheCurrentOneChosen()
    {
        var client = await CoordinatorAsync("erlangen");
        var id = (await CategoryAsync("erlangen", "transport")).Id;

        var page = await client.GetPageAsync(Page);

        var select = Row(page, id).QuerySelector<IHtmlSelectElement>("select[name='Input.Icon']")!;
        Assert.Equal(CategoryIcons.All, select.Options.Select(o => o.Value));
        Assert.Equal("truck", select.Value);
        Assert.Equal(CategoryIcons.All.Count, page.QuerySelectorAll("[data-testid=icon-legend] svg[aria-hidden=true]").Length);
    }

    [Fact]
    public async Task GermanNameLongerThan80_IsRefused()
    {
        var client = await CoordinatorAsync("potsdam");
        var id = (await CategoryAsync("potsdam", "sport")).Id;
        var page = await client.GetPageAsync(Page);

        var response = await client.SubmitAsync(Form(Row(page, id), "category-edit-form"), Page,
            new Dictionary<string, string> { ["Input.Names[de]"] = new string('a', 81) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("80", (await Html.ParseAsync(response)).FieldError("Input.Names[de]"));
        Assert.Equal("Sport", (await CategoryAsync("potsdam", "sport")).Names["de"]);
    }

    [Fact]
    public async Task NamesTooLongTogetherForTheColumn_AreRefused_OnEveryDatabase()
    {
        var client = await CoordinatorAsync("potsdam");
        var id = (await CategoryAsync("potsdam", "kultur")).Id;
        var page = await client.GetPageAsync(Page);

        var response = await client.SubmitAsync(Form(Row(page, id), "category-edit-form"), Page, new Dictionary<string, string>
        {
            ["Input.Names[de]"] = new string('ä', 80),
            ["Input.Names[en]"] = new string('e', 80),
            ["Input.Names[ar]"] = new string('ع', 80),
            ["Input.Names[fa]"] = new string('پ', 80),
            ["Input.Names[uk]"] = new string('ж', 80),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError("Input.Names[de]"));
        Assert.Equal("Kultur", (await CategoryAsync("potsdam", "kultur")).Names["de"]);
    }

    [Fact]
    public async Task NewTopLevelCategory_GetsASlugKey_AndANewSubCategoryInheritsItsKind()
    {
        var client = await CoordinatorAsync("koeln");

        var top = await client.SubmitAsync(Page, "[data-testid=category-add-form]", new Dictionary<string, string>
        {
            ["Input.Names[de]"] = "Gärten & Grünflächen",
            ["Input.Names[en]"] = "Gardens",
            ["Input.Icon"] = "plant",
            ["Input.Kind"] = nameof(CategoryKind.Work),
        });
        Assert.Equal(HttpStatusCode.Redirect, top.StatusCode);
        var parent = await CategoryAsync("koeln", "gaerten-gruenflaechen");
        Assert.Null(parent.ParentId);
        Assert.Equal(CategoryKind.Work, parent.Kind);
        Assert.Equal("Gardens", parent.Names["en"]);

        var child = await client.SubmitAsync(Page, "[data-testid=category-add-form]", new Dictionary<string, string>
        {
            ["Input.Names[de]"] = "Wohnung",
            ["Input.Icon"] = "tent",
            ["Input.ParentId"] = parent.Id.ToString(),
            ["Input.Kind"] = nameof(CategoryKind.General),
        });
        Assert.Equal(HttpStatusCode.Redirect, child.StatusCode);
        // "wohnung" is taken by the default tree: the key gets a suffix.
        var sub = await CategoryAsync("koeln", "wohnung-2");
        Assert.Equal(parent.Id, sub.ParentId);
        Assert.Equal(CategoryKind.Work, sub.Kind);

        var page = await client.GetPageAsync(Page);
        Assert.Equal("Wohnung", Row(page, sub.Id).TestIdIn("category-name-de"));
    }

    [Fact]
    public async Task SubCategoryOfASubCategory_IsRefused()
    {
        var client = await CoordinatorAsync("koeln");
        var kleidung = await CategoryAsync("koeln", "kleidung");
        var count = await app.InTownAsync("koeln", db => db.Categories.CountAsync());

        var response = await client.SubmitAsync(Page, "[data-testid=category-add-form]", new Dictionary<string, string>
        {
            ["Input.Names[de]"] = "Winterjacken",
            ["Input.Icon"] = "shirt",
            ["Input.ParentId"] = kleidung.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError("Input.ParentId"));
        Assert.Equal(count, await app.InTownAsync("koeln", db => db.Categories.CountAsync()));
    }

    [Fact]
    public async Task RetiredCategory_IsNoLongerOffered_ButItsListingsStayReadable_AndItCanBeReactivated()
    {
        var listingId = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Winterjacke Größe M", categoryKey: "kleidung");
        var client = await CoordinatorAsync("erlangen");
        var id = (await CategoryAsync("erlangen", "kleidung")).Id;
        var page = await client.GetPageAsync(Page);

        var retired = await client.SubmitAsync(Form(Row(page, id), "category-retire-form"), Page);

        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.True((await CategoryAsync("erlangen", "kleidung")).IsRetired);
        Assert.NotNull(Row(await client.GetPageAsync(Page), id).QuerySelector("[data-testid=category-retired]"));
        var member = app.TownClient("erlangen");
        await member.LoginOkAsync("erlangen-mitglied");
        var form = await member.GetPageAsync("/listings/new");
        Assert.Null(form.QuerySelector($"[data-testid=listing-category-select] option[value='{id}']"));
        var details = await app.TownClient("erlangen").GetPageAsync($"/listings/{listingId}");
        Assert.Equal("Winterjacke Größe M", details.TestId("listing-title"));
        Assert.Contains("Kleidung", details.TestId("listing-category"));

        page = await client.GetPageAsync(Page);
        var reactivated = await client.SubmitAsync(Form(Row(page, id), "category-reactivate-form"), Page);

        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        Assert.False((await CategoryAsync("erlangen", "kleidung")).IsRetired);
        Assert.NotNull((await member.GetPageAsync("/listings/new")).QuerySelector($"[data-testid=listing-category-select] option[value='{id}']"));
    }

    [Fact]
    public async Task Member_Gets403()
    {
        var member = app.TownClient("erlangen");
        await member.LoginOkAsync("erlangen-mitglied");

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(Page)).StatusCode);
    }

    [Theory]
    [InlineData("Save")]
    [InlineData("Retire")]
    [InlineData("Reactivate")]
    public async Task PostingAnErlangenCategoryOnPotsdamsHost_IsNotFound_AndChangesNothing(string handler)
    {
        var erlangen = await CategoryAsync("erlangen", "sport");
        var potsdam = await CoordinatorAsync("potsdam");
        var token = (await potsdam.GetPageAsync(Page)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await potsdam.PostAsync($"{Page}?handler={handler}&id={erlangen.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Names[de]"] = "Übernommen",
            ["Input.Icon"] = "paw",
        }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var after = await CategoryAsync("erlangen", "sport");
        Assert.Equal(erlangen.Names, after.Names);
        Assert.Equal(erlangen.Icon, after.Icon);
        Assert.Equal(erlangen.IsRetired, after.IsRetired);
    }

    [Fact]
    public async Task SubCategoryUnderAnotherTownsParent_IsNotFound_AndAddsNothing()
    {
        var erlangenParent = await CategoryAsync("erlangen", "wohnen");
        var potsdam = await CoordinatorAsync("potsdam");
        var count = await app.InTownAsync("potsdam", db => db.Categories.CountAsync());

        var response = await potsdam.SubmitAsync(Page, "[data-testid=category-add-form]", new Dictionary<string, string>
        {
            ["Input.Names[de]"] = "Fremd",
            ["Input.Icon"] = "heart",
            ["Input.ParentId"] = erlangenParent.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(count, await app.InTownAsync("potsdam", db => db.Categories.CountAsync()));
    }
}

internal static class CategoryPageExtensions
{
    public static string TestIdIn(this IElement element, string id) =>
        element.QuerySelector($"[data-testid='{id}']")?.TextContent.Trim() ?? throw new InvalidOperationException($"No element {id}.");
}
