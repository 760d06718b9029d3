using System.Net;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Organisations;

/// <summary>
/// Invitations carry the organisation's name into strangers' inboxes: only an approved organisation invites, and each
/// account sends a limited number in a window, counted in the database.
/// </summary>
[Trait("Category", "Database")]
public sealed class InvitationSafeguardTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Slug = "erlangen";

    private async Task<(int Id, HttpClient Admin)> OrganisationAsync(OrganisationStatus status)
    {
        var admin = await app.NewMemberAsync(Slug, "einl");
        var id = await app.CreateOrganisationAsync(Slug, admin, OrganisationSetup.UniqueName("Sparkasse Sicherheitsteam"), status);
        return (id, await app.SignedInAsync(Slug, admin));
    }

    private static Task<HttpResponseMessage> InviteAsync(HttpClient admin, int id, string email) =>
        admin.SubmitAsync($"/organisations/{id}/members", "[data-testid=invite-form]", new Dictionary<string, string>
        {
            ["Invite.Email"] = email,
            ["Invite.Role"] = nameof(OrganisationRole.Member),
        });

    private Task<bool> AnyMailQueuedToAsync(string email) =>
        app.InTownAsync(null, db => db.OutboxMails.IgnoreQueryFilters().AnyAsync(m => m.Recipient == email));

    [Theory]
    [InlineData(OrganisationStatus.Pending)]
    [InlineData(OrganisationStatus.Rejected)]
    public async Task AnOrganisationNotApproved_CannotInvite_NoMailIsSent_AndTheAdminIsToldWhy(OrganisationStatus status)
    {
        var (id, admin) = await OrganisationAsync(status);
        var email = $"opfer-{Guid.NewGuid():N}@test.example";

        var page = await admin.GetPageAsync($"/organisations/{id}/members");
        Assert.Null(page.QuerySelector("[data-testid=invite-form]"));
        Assert.Contains("bestätigt", page.TestId("invite-unapproved"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await admin.PostAsync($"/organisations/{id}/members?handler=Invite", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Invite.Email"] = email, ["Invite.Role"] = nameof(OrganisationRole.Member),
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("bestätigt", (await Html.ParseAsync(response)).TestId("invite-unapproved"));
        Assert.Equal(0, await app.InTownAsync(Slug, db => db.OrganisationInvitations.CountAsync(i => i.OrganisationId == id)));
        Assert.False(await AnyMailQueuedToAsync(email));
        await app.MailSettledAsync();
        Assert.Empty(app.Smtp.MessagesTo(email));
    }

    [Fact]
    public async Task TheTwentySixthInvitationWithinADay_IsRefused_CountedAcrossOrganisations_AndNoMailIsQueued()
    {
        var (first, admin) = await OrganisationAsync(OrganisationStatus.Approved);
        var second = await app.InTownAsync(Slug, async db =>
        {
            var userId = await db.OrganisationMembers.Where(m => m.OrganisationId == first).Select(m => m.UserId).SingleAsync();
            var organisation = new Organisation
            {
                Name = OrganisationSetup.UniqueName("Zweite Initiative"), Type = OrganisationType.Initiative, Status = OrganisationStatus.Approved,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            organisation.Members.Add(new OrganisationMember { UserId = userId, Role = OrganisationRole.Admin, JoinedAt = DateTimeOffset.UtcNow });
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });
        var run = Guid.NewGuid().ToString("N")[..8];

        for (var i = 0; i < 25; i++)
        {
            var sent = await InviteAsync(admin, i % 2 == 0 ? first : second, $"flut-{run}-{i}@test.example");
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var refused = await InviteAsync(admin, second, $"flut-{run}-25@test.example");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("25", (await Html.ParseAsync(refused)).TestId("member-errors"));
        Assert.False(await AnyMailQueuedToAsync($"flut-{run}-25@test.example"));
        Assert.Equal(25, await app.InTownAsync(Slug, db => db.OrganisationInvitations.CountAsync(i => i.OrganisationId == first || i.OrganisationId == second)));
        await app.MailSettledAsync();
        Assert.Empty(app.Smtp.MessagesTo($"flut-{run}-25@test.example"));
    }

    [Fact]
    public async Task InvitingTheSameAddressAgain_StillCounts_ButOnlyTheLatestLinkWorks()
    {
        var (id, admin) = await OrganisationAsync(OrganisationStatus.Approved);
        var run = Guid.NewGuid().ToString("N")[..8];
        var email = $"nochmal-{run}@test.example";

        for (var i = 0; i < 25; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await InviteAsync(admin, id, email)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await InviteAsync(admin, id, email)).StatusCode);
        var page = await admin.GetPageAsync($"/organisations/{id}/members");
        Assert.Single(page.QuerySelectorAll("[data-testid=invitation-row]"));
    }
}
