namespace Marketplace.Web.Tenancy;

/// <summary>The municipality the current request or job acts for; resolved once per scope.</summary>
public interface ITenantContext
{
    TenantInfo? Tenant { get; }

    /// <summary>True on the bare domain, where no municipality's data is visible.</summary>
    bool IsPlatformHost { get; }

    Guid? TenantId => Tenant?.Id;
}

/// <summary>Scoped holder. Written only by the resolution middleware and by <see cref="TenantScopeFactory"/>.</summary>
public sealed class TenantContext : ITenantContext
{
    public TenantInfo? Tenant { get; private set; }
    public bool IsPlatformHost { get; private set; }

    internal void SetTenant(TenantInfo tenant)
    {
        Tenant = tenant;
        IsPlatformHost = false;
    }

    internal void SetPlatform()
    {
        Tenant = null;
        IsPlatformHost = true;
    }
}
