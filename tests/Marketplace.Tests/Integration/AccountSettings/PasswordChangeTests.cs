using System.Net;
using Marketplace.Web.Data;

namespace Marketplace.Tests.Integration.AccountSettings;

[Trait("Category", "Database")]
public sealed class PasswordChangeTests(StampCheckedEveryRequestFactory app) : IClassFixture<StampCheckedEveryRequestFactory>
{
    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string? repeat = null) =>
        client.SubmitAsync("/me/account/password", "[data-testid=password-form]", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.Password"] = next,
            ["Input.ConfirmPassword"] = repeat ?? next,
        });

    [Fact]
    public async Task ChangePassword_TheNewOneSignsIn_TheOldOneNot_ThisSessionStays_AndOtherSessionsEnd()
    {
        var member = await app.NewMemberAsync("erlangen", "neupw");
        var client = await app.SignedInAsync("erlangen", member);
        var elsewhere = await app.SignedInAsync("erlangen", member);

        var response = await ChangeAsync(client, DemoData.Password, "drei neue lange Wörter");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/me/account")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.TownClient("erlangen").LoginAsync(member)).StatusCode);
        await app.TownClient("erlangen").LoginOkAsync(member, "drei neue lange Wörter");
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_SaysSoAtThatField_AndKeepsTheOldOne()
    {
        var member = await app.NewMemberAsync("erlangen", "altpw");
        var client = await app.SignedInAsync("erlangen", member);

        var response = await ChangeAsync(client, "nicht das alte Passwort", "drei neue lange Wörter");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("falsch", (await Html.ParseAsync(response)).FieldError("Input.CurrentPassword"));
        await app.TownClient("erlangen").LoginOkAsync(member);
    }

    [Theory]
    [InlineData("kurz", "mindestens 10 Zeichen")]
    [InlineData("passwort123", "leicht zu erraten")]
    public async Task ChangePassword_WeakNewPassword_IdentitysRuleIsShownInGermanAtTheNewField(string weak, string expected)
    {
        var member = await app.NewMemberAsync("erlangen", "schwach");
        var client = await app.SignedInAsync("erlangen", member);

        var response = await ChangeAsync(client, DemoData.Password, weak);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(expected, (await Html.ParseAsync(response)).FieldError("Input.Password"));
        await app.TownClient("erlangen").LoginOkAsync(member);
    }

    [Fact]
    public async Task ChangePassword_RepeatDiffers_SaysSoAtTheRepeatField()
    {
        var member = await app.NewMemberAsync("erlangen", "wiederholt");
        var client = await app.SignedInAsync("erlangen", member);

        var response = await ChangeAsync(client, DemoData.Password, "drei neue lange Wörter", "drei andere lange Wörter");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError("Input.ConfirmPassword"));
    }
}
