using Htmx;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Security;

/// <summary>A town may require its coordinators and town admins to sign in with an authenticator app (Tenant.OfficeRequiresTwoFactor).</summary>
public sealed class OfficeTwoFactor(ITenantContext tenant, CurrentMember member, AppDbContext db, VerifiedSessions sessions)
{
    private sealed record Requirement(bool MustSetUp);

    /// <summary>The folders of the office pages the requirement guards.</summary>
    public static readonly string[] OfficeFolders = ["/Coordination", "/Town"];

    public const string SetupPath = "/me/account/two-factor";

    /// <summary>The signed-in account holds an office role in this town, the town requires a second factor, and the account has none.</summary>
    public async Task<bool> MustSetUpAsync()
    {
        if (tenant.TenantId is not { } townId || member.UserId is not { } userId || !await member.IsAtLeastAsync(TownRole.Coordinator))
        {
            return false;
        }

        // Asked on every office page: kept with the account's verified session for its two seconds (Security/VerifiedSessions),
        // which a save of the account (turning two-factor sign-in on) forgets at once on this instance.
        var requirement = await sessions.GetOrLoadAsync(userId, (nameof(OfficeTwoFactor), townId), async () => new Requirement(
            await db.Tenants.Where(t => t.Id == townId).Select(t => t.OfficeRequiresTwoFactor).SingleAsync()
            && !await db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync()));
        return requirement!.MustSetUp;
    }
}

/// <summary>
/// On the office pages: sends an office member who must set up two-factor sign-in to the setup page instead, before
/// anything is read or written. The setup page says why and leads back to the address asked for.
/// </summary>
public sealed class OfficeTwoFactorFilter(OfficeTwoFactor rule) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (!await rule.MustSetUpAsync())
        {
            await next();
            return;
        }

        var request = context.HttpContext.Request;
        // A form post or a fragment cannot be repeated after the setup; the office's start page can.
        var back = HttpMethods.IsGet(request.Method) && !request.IsHtmx() ? $"{request.Path}{request.QueryString}" : "/coordination";
        var target = $"{OfficeTwoFactor.SetupPath}?returnUrl={Uri.EscapeDataString(back)}";
        if (request.IsHtmx())
        {
            // htmx would swap the setup page into a fragment's place; HX-Redirect loads it as a whole page.
            context.HttpContext.Response.Headers["HX-Redirect"] = target;
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        context.Result = new RedirectResult(target);
    }
}
