namespace Marketplace.Web.Tenancy;

/// <summary>What the resolution middleware decided for this request, kept in HttpContext.Features.</summary>
public sealed record TenantFeature(HostKind Kind, TenantInfo? Tenant);
