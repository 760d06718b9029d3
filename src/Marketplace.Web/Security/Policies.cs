using System.Security.Claims;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;

namespace Marketplace.Web.Security;

public static class Policies
{
    public const string TownMember = nameof(TownMember);
    public const string Coordinator = nameof(Coordinator);
    public const string TownAdmin = nameof(TownAdmin);
    public const string PlatformAdmin = nameof(PlatformAdmin);

    public static void AddMarketplacePolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(TownMember, p => p.RequireAuthenticatedUser().AddRequirements(new TownRoleRequirement(TownRole.Member)));
        options.AddPolicy(Coordinator, p => p.RequireAuthenticatedUser().AddRequirements(new TownRoleRequirement(TownRole.Coordinator)));
        options.AddPolicy(TownAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new TownRoleRequirement(TownRole.TownAdmin)));
        options.AddPolicy(PlatformAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new PlatformAdminRequirement()));
    }
}

/// <summary>At least this role in the municipality of the current host.</summary>
public sealed record TownRoleRequirement(TownRole Minimum) : IAuthorizationRequirement;

public sealed record PlatformAdminRequirement : IAuthorizationRequirement;

public sealed class TownRoleHandler(CurrentMember currentMember) : AuthorizationHandler<TownRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TownRoleRequirement requirement)
    {
        var role = await currentMember.RoleAsync();
        if (role >= requirement.Minimum)
        {
            context.Succeed(requirement);
        }
    }
}

public sealed class PlatformAdminHandler(ITenantContext tenant) : AuthorizationHandler<PlatformAdminRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PlatformAdminRequirement requirement)
    {
        if (tenant.IsPlatformHost && context.User.IsInRole(PlatformRoles.PlatformAdmin))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
