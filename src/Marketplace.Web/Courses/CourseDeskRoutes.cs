using System.Threading.RateLimiting;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Web.Courses;

/// <summary>The rate limit of the public certificate check.</summary>
public static class CourseDeskRoutes
{
    /// <summary>Rate limit of <c>/verify/{code}</c>: look-ups per minute and client address, enough for a desk checking a pile of certificates, too few to try codes.</summary>
    public const string VerifyPolicy = "certificate-verify";

    public const int VerifyLookupsPerMinute = 30;

    public static void Add(IServiceCollection services)
    {
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(VerifyPolicy, context =>
            RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = VerifyLookupsPerMinute, Window = TimeSpan.FromMinutes(1) })));
    }
}
