using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Organisations;
using Marketplace.Web.Pages.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Organisations;

[Trait("Category", "Database")]
public sealed class OrganisationTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string FormSelector = "[data-testid=org-form]";

    private Task<int> CountNamedAsync(string slug, string name) =>
        app.InTownAsync(slug, db => db.Organisations.CountAsync(o => o.Name == name));

    [Fact]
    public async Task Create_Valid_IsPendingWithCreatorAsAdmin_AndShowsTheWaitingNotice()
    {
        await app.CreateMemberAsync("erlangen", "org-gruender");
        var client = await app.SignedInAsync("erlangen", "org-gruender");
        var page = await client.GetPageAsync("/organisations/new");
        var form = page.Form(FormSelector);
        foreach (var box in form.QuerySelectorAll<IHtmlInputElement>("[data-testid=org-districts] input[type=checkbox]").Take(2))
        {
            box.IsChecked = true;
        }

        var category = form.QuerySelector<IHtmlInputElement>("[data-testid=org-categories] input[type=checkbox]")!;
        category.IsChecked = true;
        var label = category.Closest("label")!;
        Assert.Equal("Sachspenden", label.TextContent.Trim());
        Assert.EndsWith("#package", label.QuerySelector("svg[aria-hidden=true] use")!.GetAttribute("href"));
        Assert.DoesNotContain("Fahrräder", page.TestId("org-categories")); // sub-categories are not offered

        var response = await client.SubmitAsync(form, "/organisations/new", new Dictionary<string, string>
        {
            ["Input.Type"] = nameof(OrganisationType.SportsClub),
            ["Input.Name"] = "  SV Bruck Fußball für alle  ",
            ["Input.Description"] = "Training **jeden Dienstag** am Sportplatz.",
            ["Input.Website"] = "https://sv-bruck.example/fussball",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/organisations/[0-9]+$", location);
        var id = int.Parse(location.Split('/').Last());
        var stored = await app.FindOrganisationAsync("erlangen", id);
        Assert.NotNull(stored);
        Assert.Equal("SV Bruck Fußball für alle", stored.Name);
        Assert.Equal(OrganisationStatus.Pending, stored.Status);
        Assert.Equal(OrganisationType.SportsClub, stored.Type);
        Assert.Equal(2, stored.Districts.Count);
        Assert.Equal([int.Parse(category.Value)], stored.Categories.Select(c => c.CategoryId));
        var admin = Assert.Single(stored.Members);
        Assert.Equal(OrganisationRole.Admin, admin.Role);
        Assert.Equal(await app.UserIdAsync("org-gruender"), admin.UserId);

        var profile = await client.GetPageAsync(location);
        Assert.NotNull(profile.QuerySelector("[data-testid=org-pending]"));
        Assert.Null(profile.QuerySelector("[data-testid=verified-badge]"));
        Assert.Equal("jeden Dienstag", profile.QuerySelector("[data-testid=org-description] strong")!.TextContent);
        Assert.Equal("nofollow ugc", profile.QuerySelector("[data-testid=org-website]")!.GetAttribute("rel"));
        Assert.Equal("Sportverein", profile.TestId("org-type"));
    }

    [Fact]
    public async Task Create_WithMissingFields_LongName_AndBadWebsite_ShowsMessagesAtTheFields_StoresNothing()
    {
        var client = await app.SignedInAsync("erlangen", "erlangen-mitglied");
        var before = await app.InTownAsync("erlangen", db => db.Organisations.CountAsync());

        var empty = await client.SubmitAsync("/organisations/new", FormSelector, new Dictionary<string, string>
        {
            ["Input.Type"] = "",
            ["Input.Name"] = "   ",
            ["Input.Website"] = "javascript:alert(1)",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var page = await Html.ParseAsync(empty);
        Assert.Contains("Name der Organisation", page.FieldError("Input.Name"));
        Assert.Contains("Art der Organisation", page.FieldError("Input.Type"));
        Assert.Contains("https://", page.FieldError("Input.Website"));

        var tooLong = await client.SubmitAsync("/organisations/new", FormSelector, new Dictionary<string, string>
        {
            ["Input.Type"] = nameof(OrganisationType.Initiative),
            ["Input.Name"] = new string('x', Organisation.NameMaxLength + 1),
            ["Input.Website"] = "verein.example",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        page = await Html.ParseAsync(tooLong);
        Assert.Contains("120", page.FieldError("Input.Name"));
        Assert.NotNull(page.FieldError("Input.Website"));
        Assert.Equal(new string('x', Organisation.NameMaxLength + 1), page.QuerySelector<IHtmlInputElement>("[data-testid=org-name]")!.Value);

        Assert.Equal(before, await app.InTownAsync("erlangen", db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task Create_WithANameTheTownHasInAnotherCase_IsRefusedAtTheName_ButAnotherTownMayUseIt()
    {
        await app.CreateOrganisationAsync("erlangen", "erlangen-koordination", "Bürgerhilfe Anger", OrganisationStatus.Approved);
        var client = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        var response = await client.SubmitAsync("/organisations/new", FormSelector, new Dictionary<string, string>
        {
            ["Input.Type"] = nameof(OrganisationType.Initiative),
            ["Input.Name"] = "BÜRGERHILFE anger ",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("gibt es in dieser Kommune schon", (await Html.ParseAsync(response)).FieldError("Input.Name"));
        Assert.Equal(0, await CountNamedAsync("erlangen", "BÜRGERHILFE anger"));

        var potsdam = await app.SignedInAsync("potsdam", "potsdam-mitglied");
        var elsewhere = await potsdam.SubmitAsync("/organisations/new", FormSelector, new Dictionary<string, string>
        {
            ["Input.Type"] = nameof(OrganisationType.Initiative),
            ["Input.Name"] = "Bürgerhilfe Anger",
        });
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal(1, await CountNamedAsync("potsdam", "Bürgerhilfe Anger"));
    }

    [Fact]
    public async Task Create_ByABlockedMember_Is403()
    {
        await app.CreateMemberAsync("erlangen", "org-gesperrt", blocked: true);
        var client = await app.SignedInAsync("erlangen", "org-gesperrt");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/organisations/new")).StatusCode);
        var token = await client.TokenFromAsync("/");
        var post = await client.PostAsync("/organisations/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Type"] = nameof(OrganisationType.Initiative),
            ["Input.Name"] = "Gesperrte Initiative",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(0, await CountNamedAsync("erlangen", "Gesperrte Initiative"));
    }

    [Fact]
    public async Task Create_Anonymous_IsSentToLogin()
    {
        var response = await app.TownClient("erlangen").GetAsync("/organisations/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PendingOrganisation_IsVisibleOnlyToItsMembersAndCoordinators()
    {
        var name = OrganisationSetup.UniqueName("Wartende Initiative");
        var id = await app.CreateOrganisationAsync("erlangen", "erlangen-mitglied", name);

        Assert.Equal(HttpStatusCode.NotFound, (await app.TownClient("erlangen").GetAsync($"/organisations/{id}")).StatusCode);
        var outsider = await app.SignedInAsync("erlangen", "lena");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/organisations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/organisations/{id}/edit")).StatusCode);
        Assert.DoesNotContain(name, (await app.TownClient("erlangen").GetPageAsync("/organisations")).Body!.TextContent);

        var member = await app.SignedInAsync("erlangen", "erlangen-mitglied");
        Assert.Equal(name, (await member.GetPageAsync($"/organisations/{id}")).TestId("org-name"));
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");
        Assert.Equal(name, (await coordinator.GetPageAsync($"/organisations/{id}")).TestId("org-name"));
    }

    [Fact]
    public async Task Coordinator_Approves_ProfileShowsTheBadge_AndTheAdminGetsAMailInTheirLanguage()
    {
        await app.CreateMemberAsync("erlangen", "org-admin-en", culture: "en");
        var name = OrganisationSetup.UniqueName("Café International");
        var id = await app.CreateOrganisationAsync("erlangen", "org-admin-en", name, type: OrganisationType.MigrantOrganisation);
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");

        var page = await coordinator.GetPageAsync("/coordination/organisations");
        var row = page.QuerySelectorAll("[data-testid=pending-org]").Single(r => r.TextContent.Contains(name));
        Assert.Contains("org-admin-en", row.TextContent);
        Assert.DoesNotContain("@", row.TextContent);
        var approve = (IHtmlFormElement)row.QuerySelector("[data-testid=org-approve]")!.Closest("form")!;
        var question = await Html.ParseAsync(await coordinator.SubmitAsync(approve, "/coordination/organisations"));
        var response = await coordinator.SubmitAsync(question.Form("[data-testid=confirmation-form]"), "/coordination/organisations");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = (await app.FindOrganisationAsync("erlangen", id))!;
        Assert.Equal(OrganisationStatus.Approved, stored.Status);
        Assert.NotNull(stored.ReviewedAt);
        Assert.Equal(await app.UserIdAsync("erlangen-koordination"), stored.ReviewedByUserId);

        var profile = await app.TownClient("erlangen").GetPageAsync($"/organisations/{id}");
        Assert.NotNull(profile.QuerySelector("[data-testid=verified-badge]"));
        Assert.DoesNotContain("@", profile.QuerySelector("main")!.TextContent);
        var list = await app.TownClient("erlangen").GetPageAsync("/organisations?type=MigrantOrganisation");
        Assert.Contains(list.QuerySelectorAll("[data-testid=org-link]"), a => a.TextContent == name);
        var other = await app.TownClient("erlangen").GetPageAsync("/organisations?type=SportsClub");
        Assert.DoesNotContain(other.QuerySelectorAll("[data-testid=org-link]"), a => a.TextContent == name);

        var mail = await app.Smtp.WaitForAsync(OrganisationSetup.EmailOf("org-admin-en"), m => m.Subject?.Contains(name) == true);
        Assert.Contains("has been approved", mail.Subject);
        Assert.Contains($"http://erlangen.localhost/organisations/{id}", mail.TextBody);

        var reviewed = await coordinator.GetPageAsync("/coordination/organisations");
        Assert.DoesNotContain(reviewed.QuerySelectorAll("[data-testid=pending-org]"), r => r.TextContent.Contains(name));
        Assert.Contains(reviewed.QuerySelectorAll("[data-testid=reviewed-org]"), r => r.TextContent.Contains(name));
    }

    [Fact]
    public async Task Coordinator_Rejects_WithAReason_TheMailCarriesIt_AndTheProfileStaysHidden()
    {
        await app.CreateMemberAsync("erlangen", "org-abgelehnt");
        var name = OrganisationSetup.UniqueName("Zweifelhafte GmbH");
        var id = await app.CreateOrganisationAsync("erlangen", "org-abgelehnt", name, type: OrganisationType.Company);
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");
        var page = await coordinator.GetPageAsync("/coordination/organisations");
        var row = page.QuerySelectorAll("[data-testid=pending-org]").Single(r => r.TextContent.Contains(name));

        var question = await Html.ParseAsync(await coordinator.SubmitAsync((IHtmlFormElement)row.QuerySelector("[data-testid=org-reject]")!.Closest("form")!,
            "/coordination/organisations", new Dictionary<string, string> { ["Reason"] = "Bitte ein Impressum angeben." }));
        var response = await coordinator.SubmitAsync(question.Form("[data-testid=confirmation-form]"), "/coordination/organisations");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(OrganisationStatus.Rejected, (await app.FindOrganisationAsync("erlangen", id))!.Status);
        var mail = await app.Smtp.WaitForAsync(OrganisationSetup.EmailOf("org-abgelehnt"), m => m.Subject?.Contains(name) == true);
        Assert.Contains("nicht bestätigt", mail.Subject);
        Assert.Contains("Bitte ein Impressum angeben.", mail.TextBody);
        Assert.Equal(HttpStatusCode.NotFound, (await app.TownClient("erlangen").GetAsync($"/organisations/{id}")).StatusCode);
    }

    [Fact]
    public async Task Member_CannotApprove_Gets403()
    {
        var name = OrganisationSetup.UniqueName("Selbstbestätigt");
        var id = await app.CreateOrganisationAsync("erlangen", "erlangen-mitglied", name);
        var member = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/coordination/organisations")).StatusCode);
        var token = await member.TokenFromAsync("/organisations/new");
        var post = await member.PostAsync($"/coordination/organisations?handler=Approve&id={id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(OrganisationStatus.Pending, (await app.FindOrganisationAsync("erlangen", id))!.Status);
    }

    [Fact]
    public async Task Profile_ListsOnlyTheOrganisationsCurrentPublishedListings()
    {
        var id = await app.CreateOrganisationAsync("erlangen", "erlangen-mitglied", OrganisationSetup.UniqueName("Fahrradwerkstatt"), OrganisationStatus.Approved);
        var current = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Fahrräder für alle", configure: l => l.OrganisationId = id);
        var noExpiry = await app.CreateListingAsync("erlangen", "erlangen-mitglied", ListingType.Request, "Helfende gesucht",
            configure: l => { l.OrganisationId = id; l.ExpiresAt = null; });
        await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Pausiert", configure: l => { l.OrganisationId = id; l.Status = ListingStatus.Paused; });
        await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Entwurf", configure: l => { l.OrganisationId = id; l.Status = ListingStatus.Draft; });
        await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Abgelaufen", configure: l => { l.OrganisationId = id; l.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1); });
        await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Versteckt", configure: l => { l.OrganisationId = id; l.IsHidden = true; });
        await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Privat gepostet");

        var page = await app.TownClient("erlangen").GetPageAsync($"/organisations/{id}");

        var links = page.QuerySelectorAll("[data-testid=listing-card] a").Select(a => a.GetAttribute("href")).Order().ToList();
        Assert.Equal(new[] { $"/listings/{current}", $"/listings/{noExpiry}" }.Order(), links);
        Assert.Contains("Gesuch", page.QuerySelectorAll("[data-testid=listing-card]").Single(c => c.TextContent.Contains("Helfende gesucht")).TextContent);
    }

    [Fact]
    public async Task PostableFor_ReturnsOnlyApprovedOrganisationsTheUserBelongsTo()
    {
        var userId = await app.CreateMemberAsync("erlangen", "org-poster");
        var approvedAdmin = await app.CreateOrganisationAsync("erlangen", "org-poster", "B Bestätigt als Admin", OrganisationStatus.Approved);
        var approvedMember = await app.CreateOrganisationAsync("erlangen", "erlangen-koordination", "A Bestätigt als Mitglied", OrganisationStatus.Approved);
        await app.AddMemberAsync("erlangen", approvedMember, "org-poster", OrganisationRole.Member);
        await app.CreateOrganisationAsync("erlangen", "org-poster", OrganisationSetup.UniqueName("Wartend"));
        await app.CreateOrganisationAsync("erlangen", "org-poster", OrganisationSetup.UniqueName("Abgelehnt"), OrganisationStatus.Rejected);
        await app.CreateOrganisationAsync("erlangen", "erlangen-koordination", OrganisationSetup.UniqueName("Fremd"), OrganisationStatus.Approved);

        await using var scope = await app.TownScopeAsync("erlangen");
        var postable = await scope.ServiceProvider.GetRequiredService<OrganisationMemberships>().PostableForAsync(userId);

        Assert.Equal([(approvedMember, "A Bestätigt als Mitglied"), (approvedAdmin, "B Bestätigt als Admin")], postable);
        await using var potsdam = await app.TownScopeAsync("potsdam");
        Assert.Empty(await potsdam.ServiceProvider.GetRequiredService<OrganisationMemberships>().PostableForAsync(userId));
    }

    [Fact]
    public async Task Admin_EditsTheProfile_ButNotToANameTakenInTheTown()
    {
        var taken = OrganisationSetup.UniqueName("Vergeben");
        await app.CreateOrganisationAsync("erlangen", "erlangen-koordination", taken, OrganisationStatus.Approved);
        var id = await app.CreateOrganisationAsync("erlangen", "erlangen-mitglied", OrganisationSetup.UniqueName("Alter Name"), OrganisationStatus.Approved);
        var admin = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        var clash = await admin.SubmitAsync($"/organisations/{id}/edit", FormSelector, new Dictionary<string, string> { ["Input.Name"] = taken.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, clash.StatusCode);
        Assert.NotNull((await Html.ParseAsync(clash)).FieldError("Input.Name"));

        var newName = OrganisationSetup.UniqueName("Neuer Name");
        var saved = await admin.SubmitAsync($"/organisations/{id}/edit", FormSelector, new Dictionary<string, string>
        {
            ["Input.Name"] = newName,
            ["Input.Type"] = nameof(OrganisationType.Association),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = (await app.FindOrganisationAsync("erlangen", id))!;
        Assert.Equal(newName, stored.Name);
        Assert.Equal(OrganisationType.Association, stored.Type);
        Assert.Equal("Wir helfen.", stored.Description);

        var member = await app.SignedInAsync("erlangen", "lena");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/organisations/{id}/edit")).StatusCode);
        await app.AddMemberAsync("erlangen", id, "lena", OrganisationRole.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/organisations/{id}/members")).StatusCode);
    }

    [Fact]
    public async Task ErlangenOrganisation_Is404OnPotsdamsHost_ForGetPostAndHtmx_AndStaysUnchanged()
    {
        var name = OrganisationSetup.UniqueName("Erlanger Tafel");
        var approved = await app.CreateOrganisationAsync("erlangen", DemoData.MultiTownUserName, name, OrganisationStatus.Approved);
        var pending = await app.CreateOrganisationAsync("erlangen", DemoData.MultiTownUserName, OrganisationSetup.UniqueName("Erlanger Wartende"));
        var lena = await app.SignedInAsync("potsdam", DemoData.MultiTownUserName);
        var token = await lena.TokenFromAsync("/organisations/new");

        foreach (var path in new[] { $"/organisations/{approved}", $"/organisations/{approved}/edit", $"/organisations/{approved}/members", $"/organisations/{pending}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await lena.GetAsync(path)).StatusCode);
        }

        var edit = await lena.PostAsync($"/organisations/{approved}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Type"] = "Initiative", ["Input.Name"] = "Gekapert",
        }));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);

        var htmx = new HttpRequestMessage(HttpMethod.Post, $"/organisations/{approved}/members?handler=Invite")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Invite.Email"] = "fremd@test.example", ["Invite.Role"] = "Admin",
            }),
        };
        htmx.Headers.Add("HX-Request", "true");
        Assert.Equal(HttpStatusCode.NotFound, (await lena.SendAsync(htmx)).StatusCode);

        var coordinator = await app.SignedInAsync("potsdam", "potsdam-koordination");
        var approve = await coordinator.PostAsync($"/coordination/organisations?handler=Approve&id={pending}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await coordinator.TokenFromAsync("/organisations/new") }));
        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);

        Assert.Equal(name, (await app.FindOrganisationAsync("erlangen", approved))!.Name);
        Assert.Equal(OrganisationStatus.Pending, (await app.FindOrganisationAsync("erlangen", pending))!.Status);
        Assert.Equal(0, await app.InTownAsync("erlangen", db => db.OrganisationInvitations.CountAsync(i => i.OrganisationId == approved)));
        Assert.DoesNotContain(name, (await lena.GetPageAsync("/organisations")).Body!.TextContent);
    }
}
