using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Participation;

/// <summary>
/// Destructive actions take a second step that works without JavaScript: the first post changes nothing and says what
/// will happen; only the confirmed post acts. With htmx the question is swapped in place of the part it concerns.
/// </summary>
[Trait("Category", "Database")]
public sealed class ConfirmationTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private static IHtmlFormElement ConfirmForm(IHtmlDocument page) =>
        page.QuerySelector<IHtmlFormElement>("[data-testid=confirmation-form]") ?? throw new InvalidOperationException("No confirmation form.");

    [Fact]
    public async Task ClosingAListing_AsksFirst_ThenCloses()
    {
        var poster = await app.NewMemberAsync("erlangen", "schliesst");
        var id = await app.CreateListingAsync("erlangen", poster, title: "Waschmaschine abzugeben");
        var client = await app.SignedInAsync("erlangen", poster);

        var first = await client.SubmitAsync($"/listings/{id}", "form[action*='handler=Close']");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var question = await Html.ParseAsync(first);
        Assert.Contains("Waschmaschine abzugeben", question.TestId("confirmation"));
        Assert.Contains("nicht wieder", question.TestId("confirmation"));
        Assert.Equal(ListingStatus.Published, (await app.ListingAsync("erlangen", id)).Status);

        var confirmed = await client.SubmitAsync(ConfirmForm(question), $"/listings/{id}");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(ListingStatus.Closed, (await app.ListingAsync("erlangen", id)).Status);
    }

    [Fact]
    public async Task ClosingAListingFromMyPage_AsksFirst_AndReturnsThere()
    {
        var poster = await app.NewMemberAsync("erlangen", "schliesst");
        var id = await app.CreateListingAsync("erlangen", poster, title: "Sofa abzugeben");
        var client = await app.SignedInAsync("erlangen", poster);
        var me = await client.GetPageAsync("/me");
        var quickClose = me.QuerySelectorAll("[data-testid=quick-close]")
            .Single(b => b.GetAttribute("formaction")!.Contains($"/listings/{id}?"));

        var question = await Html.ParseAsync(await client.PressAsync(quickClose, "/me"));
        Assert.Contains("Sofa abzugeben", question.TestId("confirmation"));
        Assert.Equal("/me", question.QuerySelector("[data-testid=confirmation-cancel]")!.GetAttribute("href"));
        Assert.Equal(ListingStatus.Published, (await app.ListingAsync("erlangen", id)).Status);
        var confirmed = await client.SubmitAsync(ConfirmForm(question), "/me");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/me", confirmed.Headers.Location!.OriginalString);
        Assert.Equal(ListingStatus.Closed, (await app.ListingAsync("erlangen", id)).Status);
    }

    private Task<int> AddDistrictAsync(string name) =>
        app.InTownAsync("koeln", async db =>
        {
            var district = new District { Name = name, SortOrder = 1000 };
            db.Districts.Add(district);
            await db.SaveChangesAsync();
            return district.Id;
        });

    private Task<bool> DistrictExistsAsync(int id) => app.InTownAsync("koeln", db => db.Districts.AnyAsync(d => d.Id == id));

    private static IHtmlFormElement RemoveForm(IHtmlDocument page, int id) =>
        (IHtmlFormElement)page.QuerySelectorAll("[data-testid=district-row]").Single(r => r.QuerySelector($"#district-{id}") is not null)
            .QuerySelector("[data-testid=district-remove]")!.Closest("form")!;

    [Fact]
    public async Task RemovingADistrict_WithoutJavaScript_AsksFirst_ThenRemoves()
    {
        var id = await AddDistrictAsync("Altstadt-Nord-West");
        var admin = await app.SignedInAsync("koeln", "koeln-admin");

        var first = await admin.SubmitAsync(RemoveForm(await admin.GetPageAsync("/town/districts"), id), "/town/districts");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var question = await Html.ParseAsync(first);
        Assert.Contains("Altstadt-Nord-West", question.TestId("confirmation"));
        Assert.True(await DistrictExistsAsync(id));

        var confirmed = await admin.SubmitAsync(ConfirmForm(question), "/town/districts");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.False(await DistrictExistsAsync(id));
    }

    [Fact]
    public async Task RemovingADistrict_WithHtmx_SwapsTheQuestionIntoTheEditor_ThenRemoves()
    {
        var id = await AddDistrictAsync("Hafenkante");
        var admin = await app.SignedInAsync("koeln", "koeln-admin");

        var first = await admin.HtmxSubmitAsync(RemoveForm(await admin.GetPageAsync("/town/districts"), id));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = await first.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"district-editor\"", html.Trim());
        Assert.DoesNotContain("<html", html);
        var question = await Html.ParseAsync(first);
        Assert.Contains("Hafenkante", question.TestId("confirmation"));
        Assert.True(await DistrictExistsAsync(id));

        var confirmed = await admin.HtmxSubmitAsync(ConfirmForm(question));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var editor = await Html.ParseAsync(confirmed);
        Assert.NotNull(editor.QuerySelector("[data-testid=district-list]"));
        Assert.Null(editor.QuerySelector($"#district-{id}"));
        Assert.False(await DistrictExistsAsync(id));
    }

    private static IHtmlFormElement ReviewForm(IHtmlDocument page, int id, string button) =>
        (IHtmlFormElement)page.QuerySelectorAll("[data-testid=pending-org]").Single(r => r.GetAttribute("data-org-id") == id.ToString())
            .QuerySelector($"[data-testid={button}]")!.Closest("form")!;

    [Fact]
    public async Task ApprovingAnOrganisation_AsksFirst_NoMailBeforeTheConfirmation()
    {
        var admin = await app.NewMemberAsync("erlangen", "bestaetigt");
        var name = OrganisationSetup.UniqueName("Tafel Nord");
        var id = await app.CreateOrganisationAsync("erlangen", admin, name);
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");

        var first = await coordinator.SubmitAsync(ReviewForm(await coordinator.GetPageAsync("/coordination/organisations"), id, "org-approve"),
            "/coordination/organisations");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var question = await Html.ParseAsync(first);
        Assert.Contains(name, question.TestId("confirmation"));
        Assert.Contains("E-Mail", question.TestId("confirmation"));
        Assert.Equal(OrganisationStatus.Pending, (await app.FindOrganisationAsync("erlangen", id))!.Status);
        await app.MailSettledAsync();
        Assert.Empty(app.Smtp.MessagesTo(MessagesTestData.EmailOf(admin)));

        var confirmed = await coordinator.SubmitAsync(ConfirmForm(question), "/coordination/organisations");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(OrganisationStatus.Approved, (await app.FindOrganisationAsync("erlangen", id))!.Status);
        await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(admin), m => m.Subject?.Contains(name) == true);
    }

    [Fact]
    public async Task RejectingAnOrganisation_AsksFirst_AndKeepsTheReasonForTheConfirmedPost()
    {
        var admin = await app.NewMemberAsync("erlangen", "abgelehnt");
        var name = OrganisationSetup.UniqueName("Gewinnspiel e.V.");
        var id = await app.CreateOrganisationAsync("erlangen", admin, name);
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");

        var first = await coordinator.SubmitAsync(ReviewForm(await coordinator.GetPageAsync("/coordination/organisations"), id, "org-reject"),
            "/coordination/organisations", new Dictionary<string, string> { ["Reason"] = "Kein Impressum." });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var question = await Html.ParseAsync(first);
        Assert.Contains(name, question.TestId("confirmation"));
        Assert.Contains("Kein Impressum.", question.TestId("confirmation"));
        Assert.Equal(OrganisationStatus.Pending, (await app.FindOrganisationAsync("erlangen", id))!.Status);

        var confirmed = await coordinator.SubmitAsync(ConfirmForm(question), "/coordination/organisations");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(OrganisationStatus.Rejected, (await app.FindOrganisationAsync("erlangen", id))!.Status);
        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(admin), m => m.Subject?.Contains(name) == true);
        Assert.Contains("Kein Impressum.", mail.TextBody);
    }
}
