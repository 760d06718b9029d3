using System.Net;
using Marketplace.Tests.Integration.Coordination;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Tests.Integration.Courses.QualificationSetup;

namespace Marketplace.Tests.Integration.Courses;

/// <summary>
/// A category that requires a qualification: the suggestions propose only volunteers whose qualification (or one that
/// includes it) holds on the days of the task, show why the others are left out, and a hand-made proposal is refused.
/// </summary>
[Trait("Category", "Database")]
public sealed class QualificationGatingTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = "erlangen";
    private const string Office = "erlangen-koordination";

    private async Task<(int Request, string Category, int Qualification)> RequestAsync(string qualificationName, DateOnly from, DateOnly until)
    {
        var qualification = await app.QualificationAsync(Town, qualificationName);
        var category = await app.CategoryRequiringAsync(Town, qualification);
        var requester = await app.NewMemberAsync(Town, "eltern");
        var request = await app.CreateListingAsync(Town, requester, ListingType.Request, "Begleitung Kinderturnen", category, l =>
        {
            l.AvailableFrom = from;
            l.AvailableUntil = until;
        });
        return (request, category, qualification);
    }

    private async Task<(string UserName, int Profile)> VolunteerAsync(string category)
    {
        var volunteer = await app.NewMemberAsync(Town, "turnen");
        return (volunteer, await app.VolunteerAsync(Town, volunteer, category, "de"));
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> SuggestionsAsync(int request) =>
        await (await app.SignedInAsync(Town, Office)).GetPageAsync($"/coordination/requests/{request}");

    private static bool Suggested(AngleSharp.Dom.IDocument page, string userName) =>
        page.QuerySelectorAll("[data-testid=suggestion] [data-testid=suggestion-label]").Any(a => a.TextContent == userName);

    private static string? HeldBackReason(AngleSharp.Dom.IDocument page, string userName) =>
        page.QuerySelectorAll("[data-testid=held-back]").FirstOrDefault(h => h.QuerySelector("[data-testid=held-back-label]")!.TextContent == userName)
            ?.QuerySelector("[data-testid=held-back-reason]")?.TextContent;

    [Fact]
    public async Task AQualificationThatHoldsOnTheTasksDays_IsProposed_OneThatLapsesBefore_IsNot_AndTheReasonShows()
    {
        var name = $"Erste Hilfe {Guid.NewGuid():N}"[..18];
        var (request, category, qualification) = await RequestAsync(name, Today.AddDays(30), Today.AddDays(40));
        var (holds, _) = await VolunteerAsync(category);
        var (lapses, _) = await VolunteerAsync(category);
        var (missing, _) = await VolunteerAsync(category);
        await app.GrantAsync(Town, holds, qualification, Today.AddYears(-1), Today.AddYears(1));
        // Valid today, at sign-up, but not any more on the task's days.
        await app.GrantAsync(Town, lapses, qualification, Today.AddYears(-2), Today.AddDays(35));

        var page = await SuggestionsAsync(request);

        Assert.True(Suggested(page, holds));
        Assert.False(Suggested(page, lapses));
        Assert.False(Suggested(page, missing));
        Assert.Contains(name, HeldBackReason(page, lapses));
        Assert.Contains("läuft am", HeldBackReason(page, lapses));
        Assert.Contains($"{name} fehlt", HeldBackReason(page, missing));
    }

    [Fact]
    public async Task AHigherQualificationThatIncludesTheRequiredOne_Counts()
    {
        var (request, category, qualification) = await RequestAsync("Kinderschutz", Today.AddDays(5), Today.AddDays(6));
        var higher = await app.QualificationAsync(Town, "Kinderschutzfachkraft", qualification);
        var (volunteer, _) = await VolunteerAsync(category);
        await app.GrantAsync(Town, volunteer, higher, Today.AddYears(-1), null);

        Assert.True(Suggested(await SuggestionsAsync(request), volunteer));
    }

    [Fact]
    public async Task AQualificationLapsingSoonAfterTheTask_IsNamedBesideTheSuggestion()
    {
        var name = $"Erste Hilfe {Guid.NewGuid():N}"[..18];
        var (request, category, qualification) = await RequestAsync(name, Today.AddDays(2), Today.AddDays(3));
        var (volunteer, _) = await VolunteerAsync(category);
        await app.GrantAsync(Town, volunteer, qualification, Today.AddYears(-2), Today.AddDays(20));

        var page = await SuggestionsAsync(request);
        var card = page.QuerySelectorAll("[data-testid=suggestion]").Single(s => s.QuerySelector("[data-testid=suggestion-label]")!.TextContent == volunteer);

        Assert.Contains(name, card.QuerySelector("[data-testid=suggestion-qualification-lapses]")!.TextContent);
    }

    [Fact]
    public async Task TownAdmin_RequiresAQualificationOnTheCategoryPage_LikeTheClearance_AndItShowsOnTheRow()
    {
        var name = $"Kinderschutz {Guid.NewGuid():N}"[..18];
        var qualification = await app.QualificationAsync(Town, name);
        var key = await app.CategoryRequiringAsync(Town);
        var category = await app.InTownAsync(Town, db => db.Categories.Where(c => c.Key == key).Select(c => c.Id).SingleAsync());
        var admin = await app.SignedInAsync(Town, "erlangen-admin");
        var page = await admin.GetPageAsync("/coordination/categories");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector($"[data-testid=category-row][data-category-id='{category}'] [data-testid=category-exchange-form]")!;

        var response = await admin.SubmitAsync(form, "/coordination/categories",
            new Dictionary<string, string> { ["Exchange.QualificationIds"] = qualification.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([qualification], await app.InTownAsync(Town, db => db.CategoryQualifications.Where(c => c.CategoryId == category).Select(c => c.QualificationId).ToListAsync()));
        var row = (await admin.GetPageAsync("/coordination/categories")).QuerySelector($"[data-testid=category-row][data-category-id='{category}']")!;
        Assert.Contains(name, row.QuerySelector("[data-testid=category-qualification]")!.TextContent);

        var cleared = (AngleSharp.Html.Dom.IHtmlFormElement)(await admin.GetPageAsync("/coordination/categories"))
            .QuerySelector($"[data-testid=category-row][data-category-id='{category}'] [data-testid=category-exchange-form]")!;
        foreach (var box in cleared.QuerySelectorAll("[data-testid=category-qualification-input]").Cast<AngleSharp.Html.Dom.IHtmlInputElement>())
        {
            box.IsChecked = false;
        }

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(cleared, "/coordination/categories")).StatusCode);
        Assert.False(await app.InTownAsync(Town, db => db.CategoryQualifications.AnyAsync(c => c.CategoryId == category)));
    }

    [Fact]
    public async Task Propose_AVolunteerWhoseQualificationLapsesBeforeTheTask_IsRefused_AndNothingIsWritten()
    {
        var (request, category, qualification) = await RequestAsync("Erste Hilfe", Today.AddDays(30), Today.AddDays(31));
        var (volunteer, profile) = await VolunteerAsync(category);
        await app.GrantAsync(Town, volunteer, qualification, Today.AddYears(-2), Today.AddDays(10));
        var coordinator = await app.SignedInAsync(Town, Office);
        var url = $"/coordination/requests/{request}";
        var token = (await coordinator.GetPageAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await coordinator.PostAsync($"{url}?handler=Propose", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["kind"] = nameof(CandidateKind.Volunteer), ["candidate"] = profile.ToString(),
        }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Qualifikation", (await Html.ParseAsync(response)).QuerySelector(".form-errors")?.TextContent ?? "");
        Assert.False(await app.InTownAsync(Town, db => db.Matches.AnyAsync(m => m.ListingId == request)));
    }
}
