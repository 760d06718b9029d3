using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Web.Security;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Form submissions per minute and client address on register, login and password pages.</summary>
    public int AccountPostsPerMinute { get; set; } = 10;
}

public static class RateLimits
{
    public const string Account = "account";

    /// <summary>
    /// Limits POSTs only, so reading the form stays free. Counters live in each instance's memory: with several
    /// instances the effective limit is the per-instance limit times the instance count, which still stops brute force.
    /// </summary>
    public static void AddMarketplaceRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Account, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    ClientAddress.Of(context),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.AccountPostsPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("read"));
        });
    }
}
