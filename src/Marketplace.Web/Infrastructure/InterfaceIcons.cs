namespace Marketplace.Web.Infrastructure;

/// <summary>
/// The marks the pages draw themselves (where a listing is, yes/no of a check, a verified organisation): symbols of the
/// sprite wwwroot/icons/interface.svg, vendored by wwwroot/lib/icons.sh beside the category pictograms (a test compares
/// the sprite's symbols with this list). Shipped with the site instead of emoji, which depend on the reader's fonts.
/// </summary>
public static class InterfaceIcons
{
    /// <summary>Where the sprite is served; a symbol is addressed as its name after '#'.</summary>
    public const string SpritePath = "/icons/interface.svg";

    public static readonly IReadOnlyList<string> All = ["map-pin", "check", "x", "rosette-discount-check"];

    private static readonly HashSet<string> Names = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string? name) => name is not null && Names.Contains(name);
}
