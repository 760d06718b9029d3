using Marketplace.Web.Domain;

namespace Marketplace.Web.Data;

/// <summary>The three demo towns with their real districts, and one demo account per role (listed in the README).</summary>
public static class DemoData
{
    public const string Password = "Demo-Passwort-2026";
    public const string PlatformAdminName = "admin";

    public sealed record Town(string Slug, string Name, FederalState State, string Description, string[] Districts);

    public static readonly Town[] Towns =
    [
        new("erlangen", "Erlangen", FederalState.Bayern,
            "Hilfe finden und anbieten in Erlangen: Angebote und Gesuche von Initiativen, Ehrenamtlichen und Geflüchteten.",
            ["Innenstadt", "Altstadt", "Alterlangen", "Anger", "Bruck", "Büchenbach", "Dechsendorf", "Eltersdorf",
             "Frauenaurach", "Kosbach", "Kriegenbrunn", "Röthelheimpark", "Sieglitzhof", "Tennenlohe"]),
        new("potsdam", "Potsdam", FederalState.Brandenburg,
            "Das Potsdamer Hilfenetz: Angebote und Gesuche aus allen Stadtteilen.",
            ["Innenstadt", "Babelsberg", "Bornstedt", "Drewitz", "Eiche", "Fahrland", "Golm", "Groß Glienicke",
             "Kirchsteigfeld", "Potsdam West", "Schlaatz", "Stern", "Waldstadt", "Zentrum Ost"]),
        new("koeln", "Köln", FederalState.NordrheinWestfalen,
            "Kölner Engagement für Geflüchtete: Angebote und Gesuche in allen neun Stadtbezirken.",
            ["Innenstadt", "Rodenkirchen", "Lindenthal", "Ehrenfeld", "Nippes", "Chorweiler", "Porz", "Kalk", "Mülheim"]),
    ];

    /// <summary>Per town: {slug}-admin (town admin), {slug}-koordination (coordinator), {slug}-mitglied (member).</summary>
    public static IEnumerable<(string UserName, TownRole Role)> TownAccounts(string slug) =>
    [
        ($"{slug}-admin", TownRole.TownAdmin),
        ($"{slug}-koordination", TownRole.Coordinator),
        ($"{slug}-mitglied", TownRole.Member),
    ];

    /// <summary>One volunteer active in two towns, to show a single account across municipalities.</summary>
    public const string MultiTownUserName = "lena";
    public static readonly string[] MultiTownSlugs = ["erlangen", "potsdam"];

    public static string EmailOf(string userName) => $"{userName}@demo.example";
}
