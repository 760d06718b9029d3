using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Marketplace.Web.Security;

/// <summary>
/// On which host a page exists and who may open it, by its top-level folder under Pages/. Every folder with pages is
/// named here; a page of an unnamed folder stops the app at its start, naming the page. A page that
/// differs from its folder says so on its model: <c>[HostScope(...)]</c>, <c>[Authorize(...)]</c> (in addition to the
/// folder's policy) or <c>[AllowAnonymous]</c> (instead of it).
/// </summary>
public static class PageAccess
{
    /// <summary>The pages directly in Pages/ (home, content pages, language switch, errors, unsubscribe).</summary>
    public const string Root = "/";

    /// <summary>A folder's default: the host its pages exist on, and the policy they need or null for anyone.</summary>
    public sealed record Rule(HostScope Scope, string? Policy);

    private static Rule Anyone(HostScope scope) => new(scope, null);

    private static Rule Requires(HostScope scope, string policy) => new(scope, policy);

    public static readonly IReadOnlyDictionary<string, Rule> Folders = new Dictionary<string, Rule>(StringComparer.Ordinal)
    {
        // The bare domain's home is the town picker, a town's its home page; Unsubscribe is [HostScope(Town)].
        [Root] = Anyone(HostScope.Any),
        // Signing in, out and resetting a password work on both hosts; Register and ResendConfirmation are [HostScope(Town)].
        ["/Account"] = Anyone(HostScope.Any),
        ["/Admin"] = Requires(HostScope.Platform, Policies.PlatformAdmin),
        ["/Coordination"] = Requires(HostScope.Town, Policies.Coordinator),
        // Public catalogue and run pages, one-click seat links from mail; member and managing pages carry [Authorize] and ask Courses/CourseAccess.
        ["/Courses"] = Anyone(HostScope.Town),
        // Development only (the pages answer 404 otherwise), on whichever host the developer is.
        ["/Dev"] = Anyone(HostScope.Any),
        // The public gap matrix of the last complete week and its open data (CSV with HXL, Atom): aggregates only.
        ["/Gaps"] = Anyone(HostScope.Town),
        // Public browsing; writing pages carry [Authorize(Policy = TownMember)].
        ["/Listings"] = Anyone(HostScope.Town),
        // One-click links from mail: the signed token is the authorisation.
        ["/Matches"] = Anyone(HostScope.Town),
        ["/Me"] = Requires(HostScope.Town, Policies.TownMember),
        ["/Messages"] = Requires(HostScope.Town, Policies.TownMember),
        // Public directory; founding, editing and members pages carry [Authorize].
        ["/Organisations"] = Anyone(HostScope.Town),
        // The report form challenges an anonymous visitor itself and tells a non-member why they cannot report.
        ["/Reports"] = Anyone(HostScope.Town),
        ["/Town"] = Requires(HostScope.Town, Policies.TownAdmin),
        // The town's public ledger of funds, projects and expenses (no private person's name, no receipt).
        ["/Transparency"] = Anyone(HostScope.Town),
    };

    /// <summary>"/Coordination/Intake/New" is in "/Coordination", "/Index" in the root.</summary>
    public static string FolderOf(string viewEnginePath)
    {
        var end = viewEnginePath.IndexOf('/', 1);
        return end < 0 ? Root : viewEnginePath[..end];
    }
}

/// <summary>Applies <see cref="PageAccess"/> to every page: one host scope, and a policy or an explicit anonymous access.</summary>
public sealed class PageAccessConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        if (!PageAccess.Folders.TryGetValue(PageAccess.FolderOf(model.ViewEnginePath), out var rule))
        {
            // Closed, not open: a new folder without its row would otherwise be served on every host to anyone.
            throw new InvalidOperationException(
                $"The page {model.ViewEnginePath} is in a folder that Security/PageAccess.cs does not name: add its host scope and policy there.");
        }

        var attributes = model.HandlerTypeAttributes;
        model.EndpointMetadata.Add(new HostScopeMetadata(attributes.OfType<HostScopeAttribute>().SingleOrDefault()?.Scope ?? rule.Scope));

        var anonymous = attributes.OfType<IAllowAnonymous>().Any();
        if (rule.Policy is { } policy)
        {
            if (!anonymous)
            {
                model.EndpointMetadata.Add(new AuthorizeAttribute(policy));
            }
        }
        else if (!anonymous && !attributes.OfType<IAuthorizeData>().Any())
        {
            // Not for a page with its own [Authorize]: [AllowAnonymous] would silently override it.
            model.EndpointMetadata.Add(new AllowAnonymousAttribute());
        }
    }
}
