using System.Threading.RateLimiting;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Web.Courses;

/// <summary>The run desk's second address (the office's) and the rate limit of the public certificate check.</summary>
public static class CourseDeskRoutes
{
    /// <summary>The run desk serves providers and the office from one page; the office reaches it from its course list.</summary>
    public const string RunDeskPage = "/Courses/Manage/Run";

    public const string OfficeRunRoute = "/coordination/courses/runs/{id:int}";

    /// <summary>Rate limit of <c>/verify/{code}</c>: look-ups per minute and client address, enough for a desk checking a pile of certificates, too few to try codes.</summary>
    public const string VerifyPolicy = "certificate-verify";

    public const int VerifyLookupsPerMinute = 30;

    public static void Add(IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(options => options.Conventions.AddPageRoute(RunDeskPage, OfficeRunRoute));
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(VerifyPolicy, context =>
            RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = VerifyLookupsPerMinute, Window = TimeSpan.FromMinutes(1) })));
    }
}
