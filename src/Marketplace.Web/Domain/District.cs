namespace Marketplace.Web.Domain;

/// <summary>A Stadtteil or Sozialraum: the only location the platform ever shows publicly.</summary>
public sealed class District : ITenantOwned
{
    public const int NameMaxLength = 80;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Districts next to this one, set by the town admin; kept symmetric. Suggestions rank them after the same district.</summary>
    public List<int> NeighbourIds { get; set; } = [];
}
