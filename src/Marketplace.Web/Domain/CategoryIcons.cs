namespace Marketplace.Web.Domain;

/// <summary>
/// The pictograms a category may carry: the symbols of the sprite wwwroot/icons/categories.svg, vendored by
/// wwwroot/lib/icons.sh (a test compares the sprite's symbols with this list). They are shipped with the site because
/// emoji depend on the reader's fonts and showed as empty boxes where none had them.
/// </summary>
public static class CategoryIcons
{
    /// <summary>Where the sprite is served; a symbol is addressed as its name after '#'.</summary>
    public const string SpritePath = "/icons/categories.svg";

    /// <summary>For a category whose icon is not (or no longer) in the set.</summary>
    public const string Generic = "category";

    /// <summary>The longest name the column holds (Category.Icon).</summary>
    public const int MaxLength = 16;

    /// <summary>In the order the coordinator's picker offers them: the default categories' first, then spares.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "package", "shirt", "sofa", "bike", "ball-tennis",
        "heart-handshake", "building-bank", "stethoscope", "friends", "scale",
        "car", "steering-wheel", "truck", "tool",
        "ball-football", "coffee", "run", "masks-theater", "plant",
        "users-group", "baby-carriage", "beach",
        "language", "messages", "writing", "alphabet-latin",
        "books", "pencil", "backpack", "school",
        "briefcase", "search", "flask", "tools",
        "home", "building", "bed", "key",
        "bulb", "tent", "speakerphone", "sparkles",
        "heart", "paw", "tools-kitchen-2", "device-laptop", "wheelchair",
        Generic,
    ];

    private static readonly HashSet<string> Names = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string? name) => name is not null && Names.Contains(name);

    /// <summary>The name to draw: the category's own when it is in the set, else <see cref="Generic"/>.</summary>
    public static string OrGeneric(string? name) => IsKnown(name) ? name! : Generic;
}
