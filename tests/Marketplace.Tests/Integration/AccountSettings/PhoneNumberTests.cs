using System.Net;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.AccountSettings;

[Trait("Category", "Database")]
public sealed class PhoneNumberTests(StampCheckedEveryRequestFactory app) : IClassFixture<StampCheckedEveryRequestFactory>
{
    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string phone) =>
        client.SubmitAsync("/me/account/phone", "[data-testid=phone-form]", new Dictionary<string, string> { ["Input.PhoneNumber"] = phone });

    private static Task<HttpResponseMessage> RemoveAsync(HttpClient client) =>
        client.SubmitAsync("/me/account/phone", "[data-testid=phone-remove-form]");

    private static Task<HttpResponseMessage> SharePhoneAsync(HttpClient client, int conversationId) =>
        client.SubmitAsync($"/messages/{conversationId}", "[data-testid=share-phone-form]");

    private Task<string?> PhoneOfAsync(string userName) =>
        app.InTownAsync(null, db => db.Users.Where(u => u.UserName == userName).Select(u => u.PhoneNumber).SingleAsync());

    /// <summary>A conversation in the town between a fresh poster and the member; returns its id.</summary>
    private async Task<int> ConversationWithAsync(string slug, HttpClient member)
    {
        var poster = await app.NewMemberAsync(slug, "anbieter");
        var listingId = await app.CreateListingAsync(slug, poster);
        return await member.StartConversationAsync(listingId);
    }

    [Fact]
    public async Task AddingAPhoneNumber_ThenSharingItInAConversation_ShowsItToTheOtherSide()
    {
        var member = await app.NewMemberAsync("erlangen", "telefon");
        var client = await app.SignedInAsync("erlangen", member);
        var conversation = await ConversationWithAsync("erlangen", client);
        var before = await client.GetPageAsync($"/messages/{conversation}");
        Assert.NotNull(before.QuerySelector("[data-testid=no-phone-stored] a[href='/me/account/phone']"));

        var saved = await SaveAsync(client, " +49 (9131) 86-2000 ");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("+49 (9131) 86-2000", await PhoneOfAsync(member));
        Assert.Equal("+49 (9131) 86-2000", (await client.GetPageAsync("/me/account")).TestId("account-phone"));
        Assert.Equal(HttpStatusCode.Redirect, (await SharePhoneAsync(client, conversation)).StatusCode);
        var owner = await app.InTownAsync("erlangen", db => db.Conversations.Where(c => c.Id == conversation).Select(c => c.Owner!.UserName!).SingleAsync());
        var ownerView = await (await app.SignedInAsync("erlangen", owner)).GetPageAsync($"/messages/{conversation}");
        Assert.Equal("+49 (9131) 86-2000", ownerView.TestId("shared-phone"));
    }

    [Theory]
    [InlineData("ruf mich an")]
    [InlineData("12")]
    [InlineData("+49 9131 86 2000 +1")]
    [InlineData("0049 9131 862000 862000 862000 862000")]
    public async Task ANumberThatIsNoPhoneNumber_IsRefusedAtTheField_AndNothingIsStored(string phone)
    {
        var member = await app.NewMemberAsync("erlangen", "ungueltig");
        var client = await app.SignedInAsync("erlangen", member);

        var response = await SaveAsync(client, phone);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError("Input.PhoneNumber"));
        Assert.Null(await PhoneOfAsync(member));
    }

    [Fact]
    public async Task RemovingThePhoneNumber_StopsSharingItInEveryTown_AndANewNumberIsNotSharedByItself()
    {
        var member = await app.NewMemberAsync("erlangen", "entfernen", phone: "09131 862000");
        var memberId = await app.UserIdAsync(member);
        await app.InTownAsync("potsdam", async db =>
        {
            db.Memberships.Add(new TenantMembership { UserId = memberId, Role = TownRole.Member, JoinedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var erlangen = await app.SignedInAsync("erlangen", member);
        var potsdam = await app.SignedInAsync("potsdam", member);
        var inErlangen = await ConversationWithAsync("erlangen", erlangen);
        var inPotsdam = await ConversationWithAsync("potsdam", potsdam);
        await SharePhoneAsync(erlangen, inErlangen);
        await SharePhoneAsync(potsdam, inPotsdam);

        var removed = await RemoveAsync(erlangen);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await PhoneOfAsync(member));
        Assert.False(await app.InTownAsync("erlangen", db => db.Conversations.Where(c => c.Id == inErlangen).Select(c => c.RespondentSharesPhone).SingleAsync()));
        Assert.False(await app.InTownAsync("potsdam", db => db.Conversations.Where(c => c.Id == inPotsdam).Select(c => c.RespondentSharesPhone).SingleAsync()));

        await SaveAsync(erlangen, "0331 289 0");
        var thread = await erlangen.GetPageAsync($"/messages/{inErlangen}");
        Assert.NotNull(thread.QuerySelector("[data-testid=share-phone]:not([disabled])"));
        Assert.Equal(HttpStatusCode.OK, (await potsdam.GetAsync("/me")).StatusCode);
    }
}
