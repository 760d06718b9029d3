namespace Marketplace.Web.Domain;

/// <summary>A Stadtteil or Sozialraum: the only location the platform ever shows publicly.</summary>
public sealed class District : ITenantOwned
{
    public const int NameMaxLength = 80;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}
