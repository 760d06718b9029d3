using System.Net;
using Marketplace.Web.Courses;

namespace Marketplace.Tests.Integration.Courses;

/// <summary>The public certificate check cannot be used to try codes in bulk. An app of its own, so its spent limit stops no other test.</summary>
[Trait("Category", "Database")]
public sealed class DeskVerifyRateLimitTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task Verify_RefusesLookupsBeyondTheLimit_With429()
    {
        var client = app.TownClient("erlangen");
        for (var i = 0; i < CourseDeskRoutes.VerifyLookupsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/verify/TRY{i:D7}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/verify/TRY9999999")).StatusCode);
    }
}
