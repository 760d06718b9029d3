namespace Marketplace.Web.Domain;

/// <summary>A row that belongs to exactly one municipality. The data context filters and stamps it.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}

/// <summary>
/// A tenant-owned kind of row that the platform itself may also own, with <see cref="ITenantOwned.TenantId"/> =
/// <see cref="Guid.Empty"/> (e.g. the password-reset mail of a platform admin). Such rows are visible only outside a town.
/// </summary>
public interface IPlatformMayOwn : ITenantOwned;
