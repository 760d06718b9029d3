using Hangfire.Dashboard;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;

namespace Marketplace.Web.Security;

/// <summary>The job dashboard is for platform admins on the bare domain only.</summary>
public sealed class PlatformAdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        return http.Features.Get<TenantFeature>()?.Kind == HostKind.Platform
            && http.User.IsInRole(PlatformRoles.PlatformAdmin);
    }
}
