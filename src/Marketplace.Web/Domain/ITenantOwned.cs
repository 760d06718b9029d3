namespace Marketplace.Web.Domain;

/// <summary>A row that belongs to exactly one municipality. The data context filters and stamps it.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
