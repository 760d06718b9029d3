namespace Marketplace.Web.Tenancy;

public enum HostScope
{
    /// <summary>Served only on the bare domain (platform administration).</summary>
    Platform,
    /// <summary>Served only on a municipality's subdomain.</summary>
    Town,
    /// <summary>Served on both: error pages, the language switch, content pages, signing in.</summary>
    Any,
}

/// <summary>Endpoint metadata that says on which kind of host a page exists at all.</summary>
public sealed record HostScopeMetadata(HostScope Scope);

/// <summary>
/// On a page model whose host differs from its folder's (see <see cref="Security.PageAccess"/>), e.g. the town's
/// registration among the account pages that work on both hosts.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class HostScopeAttribute(HostScope scope) : Attribute
{
    public HostScope Scope { get; } = scope;
}

/// <summary>Runs after routing and before authorization, so a page on the wrong host is a 404 rather than a login prompt.</summary>
public sealed class HostScopeMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var required = context.GetEndpoint()?.Metadata.GetMetadata<HostScopeMetadata>();
        var kind = context.Features.Get<TenantFeature>()?.Kind;
        var allowed = required?.Scope switch
        {
            null => true,
            HostScope.Platform => kind == HostKind.Platform,
            HostScope.Town => kind == HostKind.Town,
            HostScope.Any => true,
            _ => false,
        };

        if (!allowed)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
