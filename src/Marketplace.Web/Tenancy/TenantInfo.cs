using System.Linq.Expressions;
using Marketplace.Web.Domain;

namespace Marketplace.Web.Tenancy;

/// <summary>What a request or job needs to know of its municipality.</summary>
public sealed record TenantInfo(Guid Id, string Slug, string Name, string DefaultCulture, string TimeZoneId)
{
    /// <summary>The one projection from the entity, for queries (<c>Select(TenantInfo.FromTenant)</c>).</summary>
    public static readonly Expression<Func<Tenant, TenantInfo>> FromTenant =
        t => new TenantInfo(t.Id, t.Slug, t.Name, t.DefaultCulture, t.TimeZoneId);

    private static readonly Func<Tenant, TenantInfo> FromTenantCompiled = FromTenant.Compile();

    /// <summary>The same projection for an entity in memory, e.g. a municipality that is being created.</summary>
    public static TenantInfo Of(Tenant tenant) => FromTenantCompiled(tenant);
}
