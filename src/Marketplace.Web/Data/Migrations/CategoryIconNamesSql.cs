namespace Marketplace.Web.Data.Migrations;

/// <summary>
/// CategoryIconNames, the same on both databases: a category's icon was an emoji, which showed as an empty box where the
/// reader's fonts had none; it becomes a name of the shipped sprite. The lists are frozen here as they were when the
/// migration was written, so a later change of Domain/CategoryIcons does not change what this migration did.
/// </summary>
internal static class CategoryIconNamesSql
{
    /// <summary>The default categories' emoji (with and without the variation selector a keyboard may leave out).</summary>
    private static readonly (string Emoji, string Name)[] Emoji =
    [
        ("📦", "package"),
        ("👕", "shirt"),
        ("🛋️", "sofa"),
        ("🛋", "sofa"),
        ("🚲", "bike"),
        ("🏸", "ball-tennis"),
        ("🤝", "heart-handshake"),
        ("🏛️", "building-bank"),
        ("🏛", "building-bank"),
        ("🩺", "stethoscope"),
        ("🧑‍🤝‍🧑", "friends"),
        ("⚖️", "scale"),
        ("⚖", "scale"),
        ("🚗", "car"),
        ("🚙", "steering-wheel"),
        ("🚚", "truck"),
        ("🔧", "tool"),
        ("⚽", "ball-football"),
        ("☕", "coffee"),
        ("🏃", "run"),
        ("🎭", "masks-theater"),
        ("🌱", "plant"),
        ("👪", "users-group"),
        ("🧸", "baby-carriage"),
        ("🏖️", "beach"),
        ("🏖", "beach"),
        ("💬", "language"),
        ("🗣️", "messages"),
        ("🗣", "messages"),
        ("📝", "writing"),
        ("🔤", "alphabet-latin"),
        ("📚", "books"),
        ("✏️", "pencil"),
        ("✏", "pencil"),
        ("🏫", "backpack"),
        ("🎓", "school"),
        ("💼", "briefcase"),
        ("🔎", "search"),
        ("🧪", "flask"),
        ("🛠️", "tools"),
        ("🛠", "tools"),
        ("🏠", "home"),
        ("🏢", "building"),
        ("🛏️", "bed"),
        ("🛏", "bed"),
        ("🔑", "key"),
        ("💡", "bulb"),
        ("🏕️", "tent"),
        ("🏕", "tent"),
        ("📣", "speakerphone"),
        ("🌟", "sparkles"),
    ];

    private static readonly string[] Names =
    [
        "package", "shirt", "sofa", "bike", "ball-tennis", "heart-handshake", "building-bank", "stethoscope",
        "friends", "scale", "car", "steering-wheel", "truck", "tool", "ball-football", "coffee",
        "run", "masks-theater", "plant", "users-group", "baby-carriage", "beach", "language", "messages",
        "writing", "alphabet-latin", "books", "pencil", "backpack", "school", "briefcase", "search",
        "flask", "tools", "home", "building", "bed", "key", "bulb", "tent",
        "speakerphone", "sparkles", "heart", "paw", "tools-kitchen-2", "device-laptop", "wheelchair", "category",
    ];

    private const string Generic = "category";

    /// <summary>Known emoji to their names, a value that is already a name stays, anything else becomes the generic icon.</summary>
    public static string Up() =>
        $"""
         UPDATE "Categories" SET "Icon" = CASE TRIM("Icon")
         {string.Join("\n", Emoji.Select(e => $"WHEN {Literal(e.Emoji)} THEN {Literal(e.Name)}"))}
         {string.Join("\n", Names.Select(n => $"WHEN {Literal(n)} THEN {Literal(n)}"))}
         ELSE {Literal(Generic)} END;
         """;

    /// <summary>Back to the first emoji of each name; a name without one keeps its text.</summary>
    public static string Down() =>
        $"""
         UPDATE "Categories" SET "Icon" = CASE "Icon"
         {string.Join("\n", Emoji.DistinctBy(e => e.Name).Select(e => $"WHEN {Literal(e.Name)} THEN {Literal(e.Emoji)}"))}
         ELSE "Icon" END;
         """;

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
