using System.Net;
using Marketplace.Web.Infrastructure;

namespace Marketplace.Tests.Integration.Look;

/// <summary>The KERN look: the stylesheet for the page's direction, folded listing filters, labelled inputs, mirrorable arrows.</summary>
public sealed class LookAndFeelTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private async Task<HttpClient> InLanguageAsync(string culture, string slug = "erlangen")
    {
        var client = app.TownClient(slug);
        await client.SubmitAsync("/", "[data-testid=language-switcher]", submitterName: "culture", submitterValue: culture);
        return client;
    }

    [Theory]
    [InlineData("de", KernStylesheet.LeftToRight)]
    [InlineData("uk", KernStylesheet.LeftToRight)]
    [InlineData("ar", KernStylesheet.RightToLeft)]
    [InlineData("fa", KernStylesheet.RightToLeft)]
    public async Task EveryPage_LinksTheKernStylesheetOfItsDirection_ThenTheSiteStylesheet(string culture, string kern)
    {
        var client = await InLanguageAsync(culture);

        var page = await client.GetPageAsync("/listings");

        var sheets = page.QuerySelectorAll("head link[rel=stylesheet]").Select(l => l.GetAttribute("href")!.Split('?')[0]).ToList();
        Assert.Equal([kern, "/css/site.css"], sheets);
        var css = await client.GetAsync(page.QuerySelector("[data-testid=kern-stylesheet]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains("immutable", css.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task IntakeSlip_InArabic_LinksTheRightToLeftStylesheet()
    {
        var slip = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.WebProject, "Pages", "Coordination", "Intake", "Slip.cshtml"));

        Assert.Contains("KernStylesheet.For(Cultures.Direction(Model.Culture))", slip);
    }

    [Fact]
    public async Task KernStylesheets_LoadOnlyFontsTheSiteServes()
    {
        var client = app.TownClient("erlangen");
        foreach (var sheet in new[] { KernStylesheet.LeftToRight, KernStylesheet.RightToLeft })
        {
            var css = await client.GetStringAsync(sheet);
            var fonts = System.Text.RegularExpressions.Regex.Matches(css, @"url\(""(fonts/[^""]+)""\)").Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.Contains("fonts/FiraSans-Regular.woff2", fonts);
            Assert.Contains("fonts/Vazirmatn-NL-Variable.woff2", fonts);
            foreach (var font in fonts)
            {
                var response = await client.GetAsync("/lib/kern/" + font);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            Assert.DoesNotContain("//fonts.", css);
        }
    }

    [Fact]
    public async Task ListingsPage_WithoutFilters_FoldsTheFiltersButShowsTheSearchBox()
    {
        var page = await app.TownClient("erlangen").GetPageAsync("/listings?q=Rad");

        var folded = page.QuerySelector("[data-testid=filter-more]")!;
        Assert.Equal("DETAILS", folded.TagName);
        Assert.False(folded.HasAttribute("open"));
        Assert.NotNull(folded.QuerySelector("[data-testid=filter-district]"));
        Assert.Null(folded.QuerySelector("[data-testid=listing-search]"));
        Assert.Equal("Filter", page.TestId("filter-more-toggle"));
    }

    [Theory]
    [InlineData("type=Offer")]
    [InlineData("language=ar")]
    [InlineData("sort=Ending")]
    public async Task ListingsPage_WithAFilterSet_ShowsTheFiltersOpen(string query)
    {
        var page = await app.TownClient("erlangen").GetPageAsync("/listings?" + query);

        Assert.True(page.QuerySelector("[data-testid=filter-more]")!.HasAttribute("open"));
    }

    [Fact]
    public async Task PostForm_PhotoInput_HasAVisibleLabel()
    {
        var client = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        var page = await client.GetPageAsync("/listings/new");

        var input = page.QuerySelector("[data-testid=listing-photos]")!;
        var id = input.GetAttribute("id");
        Assert.False(string.IsNullOrEmpty(id));
        var label = page.QuerySelector($"label[for='{id}']");
        Assert.NotNull(label);
        Assert.False(label.ClassList.Contains("visually-hidden"));
        Assert.False(string.IsNullOrWhiteSpace(label.TextContent));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ar")]
    [InlineData("fa")]
    public async Task BackLink_CarriesItsArrowInMarkup_NotInTheText(string culture)
    {
        var client = await InLanguageAsync(culture);
        var listing = await app.InTownAsync("erlangen", db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Listings.Where(l => l.Status == Marketplace.Web.Domain.ListingStatus.Published && !l.IsHidden).Select(l => l.Id)));

        var page = await client.GetPageAsync($"/listings/{listing}");

        var back = page.QuerySelector("main a[href='/listings']")!;
        Assert.Contains("link-back", back.ClassList);
        Assert.DoesNotMatch("[←→]", back.TextContent);
    }
}
