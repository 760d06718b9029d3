namespace Marketplace.Web.Domain;

/// <summary>Which extra fields a listing of the category has.</summary>
public enum CategoryKind
{
    General = 0,
    Housing = 1,
    Work = 2,
}

/// <summary>How offers and requests of a category meet (the town admin decides per category).</summary>
public enum ExchangeMode
{
    /// <summary>Donations, rides, leisure: people answer each other directly on the marketplace.</summary>
    PeerToPeer = 0,

    /// <summary>Housing, work, accompaniment of vulnerable people, childcare: responses go to the coordination office, which makes the match.</summary>
    Mediated = 1,
}

/// <summary>
/// A town's category or sub-category (one level deep). Retired categories take no new listings but keep old
/// ones readable. Names are per language; the key is stable for seeding and code.
/// </summary>
public sealed class Category : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int? ParentId { get; set; }
    public required string Key { get; set; }

    /// <summary>Names by language code ("de", "en", "ar", ...); German is always present.</summary>
    public required TranslatedText Names { get; set; }

    /// <summary>A pictogram readable without knowing any language: a name of <see cref="CategoryIcons.All"/>, drawn beside the name.</summary>
    public string Icon { get; set; } = CategoryIcons.Generic;
    public CategoryKind Kind { get; set; }
    public ExchangeMode ExchangeMode { get; set; }

    /// <summary>Helpers need a valid police clearance (childcare, homework help, mentoring minors).</summary>
    public bool RequiresClearance { get; set; }
    public int SortOrder { get; set; }
    public bool IsRetired { get; set; }

    public Category? Parent { get; set; }

    public string NameIn(string culture) => Names.In(culture);
}

/// <summary>The SGB II limit for the warm rent of a household of a given size (Kosten der Unterkunft).</summary>
public sealed class RentLimit : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int HouseholdSize { get; set; }
    public long MaxWarmRentCents { get; set; }
}
