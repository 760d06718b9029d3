namespace Marketplace.Web.Domain;

/// <summary>The sixteen German Länder; the names are proper nouns and shown as they are.</summary>
public enum FederalState
{
    BadenWuerttemberg = 1,
    Bayern,
    Berlin,
    Brandenburg,
    Bremen,
    Hamburg,
    Hessen,
    MecklenburgVorpommern,
    Niedersachsen,
    NordrheinWestfalen,
    RheinlandPfalz,
    Saarland,
    Sachsen,
    SachsenAnhalt,
    SchleswigHolstein,
    Thueringen,
}

public static class FederalStateNames
{
    private static readonly Dictionary<FederalState, string> Names = new()
    {
        [FederalState.BadenWuerttemberg] = "Baden-Württemberg",
        [FederalState.Bayern] = "Bayern",
        [FederalState.Berlin] = "Berlin",
        [FederalState.Brandenburg] = "Brandenburg",
        [FederalState.Bremen] = "Bremen",
        [FederalState.Hamburg] = "Hamburg",
        [FederalState.Hessen] = "Hessen",
        [FederalState.MecklenburgVorpommern] = "Mecklenburg-Vorpommern",
        [FederalState.Niedersachsen] = "Niedersachsen",
        [FederalState.NordrheinWestfalen] = "Nordrhein-Westfalen",
        [FederalState.RheinlandPfalz] = "Rheinland-Pfalz",
        [FederalState.Saarland] = "Saarland",
        [FederalState.Sachsen] = "Sachsen",
        [FederalState.SachsenAnhalt] = "Sachsen-Anhalt",
        [FederalState.SchleswigHolstein] = "Schleswig-Holstein",
        [FederalState.Thueringen] = "Thüringen",
    };

    public static string Display(this FederalState state) => Names.GetValueOrDefault(state, state.ToString());
}
