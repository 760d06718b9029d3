using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Web.Domain;
using Marketplace.Web.Pages.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Organisations;

[Trait("Category", "Database")]
public sealed class OrganisationMemberTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    /// <summary>An organisation administered by a new account, plus a second new account to invite.</summary>
    private async Task<(int Id, string Name, HttpClient Admin, string Invitee)> SetUpAsync(string key, OrganisationStatus status = OrganisationStatus.Approved)
    {
        await app.CreateMemberAsync("erlangen", $"{key}-admin");
        await app.CreateMemberAsync("erlangen", $"{key}-gast");
        var name = OrganisationSetup.UniqueName($"Initiative {key}");
        var id = await app.CreateOrganisationAsync("erlangen", $"{key}-admin", name, status);
        return (id, name, await app.SignedInAsync("erlangen", $"{key}-admin"), $"{key}-gast");
    }

    /// <summary>The admin invites through the members page; returns the link from the mail.</summary>
    private async Task<string> InviteAsync(HttpClient admin, int id, string name, string email, OrganisationRole role = OrganisationRole.Member)
    {
        var response = await admin.SubmitAsync($"/organisations/{id}/members", "[data-testid=invite-form]", new Dictionary<string, string>
        {
            ["Invite.Email"] = email,
            ["Invite.Role"] = role.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = await app.Smtp.WaitForAsync(email, m => m.Subject?.Contains(name) == true);
        return new Uri(Accounts.LinkIn(mail, "/organisations/invitations/")).PathAndQuery;
    }

    /// <summary>An invitation written straight to the database, for states the user interface cannot produce quickly.</summary>
    private Task<string> StoreInvitationAsync(int id, string email, DateTimeOffset expiresAt)
    {
        var token = InvitationTokens.Create();
        return app.InTownAsync("erlangen", async db =>
        {
            db.OrganisationInvitations.Add(new OrganisationInvitation
            {
                OrganisationId = id, NormalizedEmail = email.ToUpperInvariant(), TokenHash = InvitationTokens.Hash(token),
                Role = OrganisationRole.Member, CreatedAt = expiresAt.AddDays(-14), ExpiresAt = expiresAt,
            });
            await db.SaveChangesAsync();
            return $"/organisations/invitations/{token}";
        });
    }

    private Task<int> MemberCountAsync(int id) => app.InTownAsync("erlangen", db => db.OrganisationMembers.CountAsync(m => m.OrganisationId == id));

    [Fact]
    public async Task Invitation_Accepted_ByTheInvitedAccount_MakesItAMember_AndTheTokenIsStoredOnlyAsHash()
    {
        var (id, name, admin, invitee) = await SetUpAsync("einl");
        var link = await InviteAsync(admin, id, name, OrganisationSetup.EmailOf(invitee), OrganisationRole.Admin);
        var token = link.Split('/').Last();

        var stored = await app.InTownAsync("erlangen", db => db.OrganisationInvitations.AsNoTracking().SingleAsync(i => i.OrganisationId == id));
        Assert.Equal(InvitationTokens.Hash(token), stored.TokenHash);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.InRange(stored.ExpiresAt - stored.CreatedAt, TimeSpan.FromDays(14), TimeSpan.FromDays(14));
        Assert.Contains(OrganisationSetup.EmailOf(invitee), (await admin.GetPageAsync($"/organisations/{id}/members")).TestId("invitation-list"));

        var client = await app.SignedInAsync("erlangen", invitee);
        var page = await client.GetPageAsync(link);
        Assert.Contains(name, page.TestId("invitation-open"));
        var response = await client.SubmitAsync(page.Form("[data-testid=invitation-accept-form]"), link);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/organisations/{id}", response.Headers.Location!.OriginalString);
        var inviteeId = await app.UserIdAsync(invitee);
        Assert.Equal(OrganisationRole.Admin, await app.InTownAsync("erlangen", db =>
            db.OrganisationMembers.Where(m => m.OrganisationId == id && m.UserId == inviteeId).Select(m => m.Role).SingleAsync()));
        Assert.NotNull(await app.InTownAsync("erlangen", db => db.OrganisationInvitations.Where(i => i.Id == stored.Id).Select(i => i.AcceptedAt).SingleAsync()));
        Assert.Contains(name, (await client.GetPageAsync($"/organisations/{id}")).TestId("status-message"));
    }

    [Fact]
    public async Task Invitation_Anonymous_IsSentToLogin_AndBackAfterwards()
    {
        var (id, _, _, invitee) = await SetUpAsync("anon");
        var link = await StoreInvitationAsync(id, OrganisationSetup.EmailOf(invitee), DateTimeOffset.UtcNow.AddDays(14));
        var client = app.TownClient("erlangen");

        var response = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var login = response.Headers.Location!.PathAndQuery;
        Assert.StartsWith("/account/login", login, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Uri.EscapeDataString(link), login);
        var signedIn = await client.SubmitAsync(login, "[data-testid=login-form]",
            new Dictionary<string, string> { ["Input.Login"] = invitee, ["Input.Password"] = Marketplace.Web.Data.DemoData.Password });
        Assert.Equal(link, signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Invitation_OpenedByAnotherAccount_IsRefused_AndChangesNothing()
    {
        var (id, name, admin, invitee) = await SetUpAsync("fremd");
        var link = await InviteAsync(admin, id, name, OrganisationSetup.EmailOf(invitee));
        var other = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        var get = await other.GetAsync(link);
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.NotNull((await Html.ParseAsync(get)).QuerySelector("[data-testid=invitation-otheraccount]"));
        var post = await other.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await other.TokenFromAsync("/organisations/new"),
        }));

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(1, await MemberCountAsync(id));
        Assert.Null(await app.InTownAsync("erlangen", db => db.OrganisationInvitations.Where(i => i.OrganisationId == id).Select(i => i.AcceptedAt).SingleAsync()));
    }

    [Fact]
    public async Task Invitation_ToAnAccountThatHasNotJoinedTheTown_AsksToJoinFirst_AndChangesNothing()
    {
        var (id, name, admin, _) = await SetUpAsync("zugezogen");
        var link = await InviteAsync(admin, id, name, Marketplace.Web.Data.DemoData.EmailOf("potsdam-mitglied"));
        var client = await app.SignedInAsync("erlangen", "potsdam-mitglied");

        var get = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.NotNull((await Html.ParseAsync(get)).QuerySelector("[data-testid=invitation-join-town]"));
        Assert.Equal(1, await MemberCountAsync(id));
    }

    [Fact]
    public async Task Invitation_Expired_ShowsAClearPage_AndChangesNothing()
    {
        var (id, _, _, invitee) = await SetUpAsync("alt");
        var link = await StoreInvitationAsync(id, OrganisationSetup.EmailOf(invitee), DateTimeOffset.UtcNow.AddMinutes(-1));
        var client = await app.SignedInAsync("erlangen", invitee);

        var get = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, get.StatusCode);
        Assert.Contains("abgelaufen", (await Html.ParseAsync(get)).TestId("invitation-expired"));
        var post = await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await client.TokenFromAsync("/organisations/new"),
        }));

        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Equal(1, await MemberCountAsync(id));
    }

    [Fact]
    public async Task Invitation_UsedTwice_TheSecondTimeShowsItWasUsed()
    {
        var (id, name, admin, invitee) = await SetUpAsync("zweimal");
        var link = await InviteAsync(admin, id, name, OrganisationSetup.EmailOf(invitee));
        var client = await app.SignedInAsync("erlangen", invitee);
        var page = await client.GetPageAsync(link);
        var form = page.Form("[data-testid=invitation-accept-form]");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(form, link)).StatusCode);

        var again = await client.SubmitAsync(form, link);

        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.NotNull((await Html.ParseAsync(again)).QuerySelector("[data-testid=invitation-used]"));
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync(link)).StatusCode);
        Assert.Equal(2, await MemberCountAsync(id));
    }

    [Fact]
    public async Task Invitation_WithATamperedToken_IsUnknown_AndChangesNothing()
    {
        var (id, name, admin, invitee) = await SetUpAsync("falsch");
        var link = await InviteAsync(admin, id, name, OrganisationSetup.EmailOf(invitee));
        var tampered = link[..^1] + (link[^1] == 'A' ? 'B' : 'A');
        var client = await app.SignedInAsync("erlangen", invitee);

        var get = await client.GetAsync(tampered);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.NotNull((await Html.ParseAsync(get)).QuerySelector("[data-testid=invitation-unknown]"));
        var post = await client.PostAsync(tampered, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await client.TokenFromAsync("/organisations/new"),
        }));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(1, await MemberCountAsync(id));
    }

    [Fact]
    public async Task Invite_ABadAddressOrAnExistingMember_ShowsTheMessageAtTheField_StoresNothing()
    {
        var (id, _, admin, _) = await SetUpAsync("ungueltig");

        var bad = await admin.SubmitAsync($"/organisations/{id}/members", "[data-testid=invite-form]", new Dictionary<string, string> { ["Invite.Email"] = "kaputt" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("E-Mail", (await Html.ParseAsync(bad)).FieldError("Invite.Email"));

        var self = await admin.SubmitAsync($"/organisations/{id}/members", "[data-testid=invite-form]",
            new Dictionary<string, string> { ["Invite.Email"] = OrganisationSetup.EmailOf("ungueltig-admin").ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);
        Assert.Contains("schon Mitglied", (await Html.ParseAsync(self)).FieldError("Invite.Email"));

        Assert.Equal(0, await app.InTownAsync("erlangen", db => db.OrganisationInvitations.CountAsync(i => i.OrganisationId == id)));
    }

    [Fact]
    public async Task LastAdmin_CannotBeRemovedOrMadeMember_WithOrWithoutHtmx()
    {
        var (id, _, admin, _) = await SetUpAsync("letzter");
        var page = await admin.GetPageAsync($"/organisations/{id}/members");
        var row = page.QuerySelector("[data-testid=member-row][data-member='letzter-admin']")!;
        Assert.DoesNotContain("@", page.TestId("member-table"));

        var remove = await admin.SubmitAsync((IHtmlFormElement)row.QuerySelector("[data-testid=member-remove]")!.Closest("form")!, $"/organisations/{id}/members");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, remove.StatusCode);
        Assert.Contains("mindestens eine", (await Html.ParseAsync(remove)).TestId("member-errors"));

        var demoteForm = (IHtmlFormElement)row.QuerySelector("[data-testid=member-toggle-role]")!.Closest("form")!;
        var htmx = new HttpRequestMessage(HttpMethod.Post, demoteForm.GetAttribute("hx-post"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = demoteForm.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value,
            }),
        };
        htmx.Headers.Add("HX-Request", "true");
        var demote = await admin.SendAsync(htmx);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, demote.StatusCode);
        var fragment = await demote.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"member-editor\">", fragment.Trim());
        Assert.DoesNotContain("<html", fragment);

        var members = await app.InTownAsync("erlangen", db => db.OrganisationMembers.Where(m => m.OrganisationId == id).Select(m => m.Role).ToListAsync());
        Assert.Equal([OrganisationRole.Admin], members);
    }

    [Fact]
    public async Task Admin_MakesAMemberAdmin_ThenStepsDown_AndRemovesAMember()
    {
        var (id, _, admin, invitee) = await SetUpAsync("wechsel");
        await app.AddMemberAsync("erlangen", id, invitee, OrganisationRole.Member);
        await app.AddMemberAsync("erlangen", id, "erlangen-mitglied", OrganisationRole.Member);
        var url = $"/organisations/{id}/members";
        IHtmlFormElement FormOf(AngleSharp.Html.Dom.IHtmlDocument page, string user, string button) =>
            (IHtmlFormElement)page.QuerySelector($"[data-testid=member-row][data-member='{user}'] [data-testid={button}]")!.Closest("form")!;

        var promote = await admin.SubmitAsync(FormOf(await admin.GetPageAsync(url), invitee, "member-toggle-role"), url);
        Assert.Equal(HttpStatusCode.Redirect, promote.StatusCode);
        var remove = await admin.SubmitAsync(FormOf(await admin.GetPageAsync(url), "erlangen-mitglied", "member-remove"), url);
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        var stepDown = await admin.SubmitAsync(FormOf(await admin.GetPageAsync(url), "wechsel-admin", "member-toggle-role"), url);
        Assert.Equal(HttpStatusCode.Redirect, stepDown.StatusCode);
        Assert.Equal($"/organisations/{id}", stepDown.Headers.Location!.OriginalString);

        var roles = await app.InTownAsync("erlangen", db => db.OrganisationMembers.Where(m => m.OrganisationId == id)
            .Select(m => new { m.User!.UserName, m.Role }).ToListAsync());
        Assert.Equal(
            [("wechsel-admin", OrganisationRole.Member), ("wechsel-gast", OrganisationRole.Admin)],
            roles.Select(r => (r.UserName!, r.Role)).Order().ToList());
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(url)).StatusCode);
    }
}
