using System.Net;

namespace Marketplace.Tests.Integration.Account;

public sealed class StrictRateLimitFactory : MarketplaceFactory
{
    protected override int AccountPostsPerMinute => 3;
}

[Trait("Category", "Database")]
public sealed class RateLimitTests(StrictRateLimitFactory app) : IClassFixture<StrictRateLimitFactory>
{
    [Fact]
    public async Task TooManyLoginAttempts_Get429WithAClearPage_ReadingTheFormStaysFree()
    {
        var client = app.TownClient("erlangen");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.LoginAsync("erlangen-mitglied", "falsch " + i)).StatusCode);
        }

        var limited = await client.LoginAsync("erlangen-mitglied", "falsch");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull((await Html.ParseAsync(limited)).QuerySelector("[data-testid=error-429]"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }
}
