using Marketplace.Web.Domain;

namespace Marketplace.Bench.Seed;

/// <summary>
/// Plausible listings from word pools: mostly German, some English and Arabic, Markdown descriptions of
/// two to five sentences, the field mix of real listings (housing and work extras, quantities, states).
/// About one listing in twenty mentions a bicycle, so "fahrrad" finds a realistic share.
/// </summary>
public sealed class ListingTexts(Random rng)
{
    public sealed record CategoryRef(int Id, string Key, CategoryKind Kind);

    public static readonly string[] TownNames =
    [
        "Aachen", "Augsburg", "Bamberg", "Bayreuth", "Bielefeld", "Bochum", "Bonn", "Bottrop", "Braunschweig", "Bremen",
        "Chemnitz", "Cottbus", "Darmstadt", "Dessau", "Dortmund", "Dresden", "Duisburg", "Düren", "Eisenach", "Erfurt",
        "Essen", "Flensburg", "Frankfurt (Oder)", "Freiburg", "Fulda", "Gera", "Gießen", "Göttingen", "Greifswald", "Halle",
        "Hamm", "Hanau", "Heidelberg", "Heilbronn", "Hildesheim", "Ingolstadt", "Jena", "Kassel", "Kiel", "Koblenz",
        "Konstanz", "Krefeld", "Landshut", "Leipzig", "Lübeck", "Magdeburg", "Mainz", "Marburg", "Münster", "Oldenburg",
    ];

    private static readonly string[] DistrictPool =
    [
        "Innenstadt", "Altstadt", "Nordstadt", "Südstadt", "Weststadt", "Oststadt", "Bahnhofsviertel", "Neustadt",
        "Am Stadtpark", "Hafen", "Universitätsviertel", "Gartenstadt", "Kirchberg", "Lindenhof", "Mühlenviertel", "Schlossberg",
    ];

    private static readonly Dictionary<string, string[]> Things = new()
    {
        ["sachspenden"] = ["Haushaltswaren", "Geschirr", "Bettwäsche", "Handtücher", "Spielsachen"],
        ["kleidung"] = ["Winterjacke", "Kinderkleidung", "Babykleidung", "Winterschuhe", "Regenjacke", "Schulkleidung"],
        ["moebel"] = ["Sofa", "Kleiderschrank", "Küchentisch", "Kinderbett", "Waschmaschine", "Kühlschrank", "Regal"],
        ["fahrraeder"] = ["Kinderfahrrad", "Damenfahrrad", "Herrenfahrrad", "Fahrradanhänger", "Laufrad", "Fahrradhelm", "Fahrradschloss"],
        ["sportausruestung"] = ["Fußballschuhe", "Tischtennisschläger", "Schwimmbrille", "Turnschuhe", "Inlineskates"],
        ["begleitung"] = ["Begleitung im Alltag", "Hilfe mit Briefen", "Beratung bei Anträgen"],
        ["behoerden"] = ["Begleitung zum Jobcenter", "Begleitung zur Ausländerbehörde", "Hilfe beim Bürgeramt", "Begleitung zur Familienkasse"],
        ["arztbesuche"] = ["Begleitung zur Kinderärztin", "Begleitung zum Zahnarzt", "Begleitung ins Krankenhaus"],
        ["patenschaften"] = ["Patenschaft für eine Familie", "Lernpatenschaft", "Patin für eine junge Frau"],
        ["rechtsberatung"] = ["Sozialberatung", "Hilfe beim Widerspruch", "Beratung zum Aufenthaltsrecht"],
        ["fahrdienste"] = ["Fahrdienst", "Kleinbus für Ausflüge", "Mitfahrgelegenheit"],
        ["fahrdienst"] = ["Fahrt zum Deutschkurs", "Fahrt zur Klinik", "Mitfahrgelegenheit zur Arbeit"],
        ["transport"] = ["Hilfe beim Umzug", "Transporter für Möbel", "Fahrradtransport"],
        ["fahrradwerkstatt"] = ["Fahrradreparatur", "Fahrrad-Check", "Hilfe beim Reifenflicken", "Fahrradwerkstatt"],
        ["freizeit"] = ["Ausflug in den Tierpark", "Spaziergang am Sonntag", "Grillfest"],
        ["begegnung"] = ["Frauenfrühstück", "Spieleabend", "Nachbarschaftscafé", "Kochabend"],
        ["sport"] = ["Volleyball", "Fußball", "Laufgruppe", "Schwimmen", "Radtour"],
        ["kultur"] = ["Theaterkarten", "Museumsbesuch", "Konzertkarten", "Chor"],
        ["gaertnern"] = ["Beet im Gemeinschaftsgarten", "Gartenarbeit", "Pflanzen und Saatgut"],
        ["familie"] = ["Familientreff", "Kontakt zu Familien", "Elterncafé"],
        ["kinderbetreuung"] = ["Babysitting", "Kinderbetreuung am Nachmittag", "Leihoma"],
        ["ferienprogramm"] = ["Ferienprogramm", "Ferienbetreuung", "Zeltlager"],
        ["sprache"] = ["Hilfe mit Sprache", "Sprachhilfe", "Übersetzungshilfe"],
        ["dolmetschen"] = ["Dolmetschen Arabisch", "Dolmetschen Farsi", "Dolmetschen Ukrainisch", "Dolmetschen Tigrinya"],
        ["uebersetzen"] = ["Übersetzung von Zeugnissen", "Übersetzung von Briefen", "Übersetzung eines Lebenslaufs"],
        ["deutsch-lernen"] = ["Deutschkurs A1", "Deutschkurs B1", "Tandempartner", "Konversation auf Deutsch"],
        ["sprachcafe"] = ["Sprachcafé", "Deutsch-Stammtisch", "Sprachtreff"],
        ["bildung"] = ["Computerkurs", "Bücher", "Laptop für die Schule"],
        ["hausaufgabenhilfe"] = ["Nachhilfe in Mathe", "Hausaufgabenhilfe", "Lesehilfe", "Nachhilfe in Englisch"],
        ["schule"] = ["Schulranzen", "Schulsachen", "Begleitung zum Elternabend"],
        ["qualifizierung"] = ["Bewerbungstraining", "Anerkennung von Abschlüssen", "Führerschein-Theorie"],
        ["arbeit"] = ["Arbeit in der Gastronomie", "Minijob", "Arbeit im Lager"],
        ["jobsuche"] = ["Stelle als Küchenhilfe", "Stelle als Lagerhelfer", "Stelle in der Pflege", "Stelle als Fahrradkurier"],
        ["praktikum"] = ["Praktikum im Kindergarten", "Praktikum in der IT", "Praktikum in einer Fahrradwerkstatt"],
        ["ausbildung"] = ["Ausbildung zur Pflegefachkraft", "Ausbildung zum Elektroniker", "Ausbildung zur Bäckerin", "Betriebsbesichtigung"],
        ["wohnen"] = ["Wohnung für eine Familie", "Wohnraum", "Unterkunft"],
        ["wohnung"] = ["2-Zimmer-Wohnung", "3-Zimmer-Wohnung", "4-Zimmer-Wohnung", "Einzimmerwohnung"],
        ["zimmer"] = ["WG-Zimmer", "Zimmer zur Untermiete", "möbliertes Zimmer"],
        ["mietpaten"] = ["Mietpatenschaft", "Hilfe bei der Wohnungssuche"],
        ["projekte"] = ["Stadtteilprojekt", "Ideenwerkstatt"],
        ["unterkuenfte"] = ["Kleiderkammer", "Spielenachmittag in der Unterkunft", "Hausaufgabenraum in der Unterkunft"],
        ["politische-arbeit"] = ["Integrationsbeirat", "Infostand", "Petition"],
        ["neue-projekte"] = ["Repair-Café", "Gemeinsam kochen", "Fahrradwerkstatt im Stadtteil", "Nähcafé"],
    };

    private static readonly HashSet<string> Goods = ["sachspenden", "kleidung", "moebel", "fahrraeder", "sportausruestung"];
    private static readonly string[] GoodsOfferTitles = ["{0} zu verschenken", "{0} – gut erhalten", "{0} abzugeben", "Verschenke {0} in {1}"];
    private static readonly string[] OfferTitles = ["Biete: {0}", "Ich biete {0}", "{0} in {1}", "{0} – ehrenamtlich", "{0}, gern auch regelmäßig"];
    private static readonly string[] RequestTitles = ["Suche {0}", "{0} gesucht", "Wer hat {0}?", "Wir suchen {0}", "Brauche {0} in {1}"];
    private static readonly string[] EnglishOfferTitles = ["Offering: {0}", "{0} for free", "{0} available"];
    private static readonly string[] EnglishRequestTitles = ["Looking for: {0}", "Need {0}", "Who can help? {0}"];
    private static readonly string[] ArabicTitles = ["أبحث عن مساعدة: {0}", "نبحث عن {0}", "أقدم {0}", "مطلوب: {0}"];

    private static readonly string[] Sentences =
    [
        "Gerne melden über die Nachricht-Funktion.",
        "Ich habe **am Wochenende** Zeit.",
        "Abends nach 18 Uhr passt es am besten.",
        "Wir sind eine Familie mit drei Kindern und erst seit kurzem in der Stadt.",
        "Ich spreche Deutsch und ein wenig Englisch.",
        "Bitte nur ernst gemeinte Anfragen.",
        "Abholung im Stadtteil, genauer Treffpunkt nach Absprache.",
        "Alles ist sauber und funktioniert.",
        "Danke an alle, die helfen!",
        "Es eilt ein bisschen: am besten diese Woche.",
        "Ich bin Rentnerin und habe vormittags Zeit.",
        "Die Sachen sind gebraucht, aber in gutem Zustand.",
        "Wir freuen uns über jede Unterstützung.",
        "Auch kleine Hilfe ist willkommen.",
        "Das Jobcenter übernimmt die Kosten.",
        "Mein Deutsch ist noch nicht so gut, aber ich lerne jeden Tag.",
        "Kinder sind herzlich willkommen.",
    ];

    private static readonly string[] EnglishSentences =
    [
        "I speak English and a little German.",
        "Please send me a message.",
        "I am free on weekday evenings.",
        "Thank you very much for your help!",
        "We arrived a few months ago and are still finding our way.",
    ];

    private static readonly string[] ArabicSentences =
    [
        "وصلنا حديثاً إلى المدينة.",
        "أتكلم العربية وقليلاً من الألمانية.",
        "شكراً جزيلاً على المساعدة!",
        "يمكنني الحضور في نهاية الأسبوع.",
    ];

    private static readonly string[] GermanLanguages = [",de,", ",de,", ",de,", ",de,en,", ",de,ar,", ",de,fa,", ",de,uk,", ",de,tr,", ",de,ru,"];

    private string Pick(string[] items) => items[rng.Next(items.Length)];

    public string[] PickDistricts()
    {
        var pool = DistrictPool.ToArray();
        rng.Shuffle(pool);
        return pool[..rng.Next(5, 9)];
    }

    public Listing Next(List<CategoryRef> categories, List<(int Id, string Name)> districts, List<string> posters, DateTimeOffset now)
    {
        var category = categories[rng.Next(categories.Count)];
        var type = rng.Next(100) < 55 ? ListingType.Offer : ListingType.Request;
        var thing = Pick(Things.TryGetValue(category.Key, out var things) ? things : ["Hilfe"]);
        var districtIndex = rng.Next(districts.Count);
        var language = rng.Next(100);

        string title, description, languages;
        if (language < 85)
        {
            var offerTitles = Goods.Contains(category.Key) ? GoodsOfferTitles : OfferTitles;
            title = string.Format(Pick(type == ListingType.Offer ? offerTitles : RequestTitles), thing, districts[districtIndex].Name);
            var sentences = Enumerable.Range(0, rng.Next(2, 5)).Select(_ => Pick(Sentences)).Distinct();
            var lead = type == ListingType.Offer ? $"Ich biete **{thing}** an." : $"Ich suche **{thing}**.";
            description = lead + "\n\n" + string.Join(" ", sentences) + (rng.Next(4) == 0 ? "\n\n- flexibel\n- kostenlos\n- im Stadtteil" : "");
            languages = Pick(GermanLanguages);
        }
        else if (language < 95)
        {
            title = string.Format(Pick(type == ListingType.Offer ? EnglishOfferTitles : EnglishRequestTitles), thing);
            description = string.Join(" ", Enumerable.Range(0, rng.Next(2, 4)).Select(_ => Pick(EnglishSentences)).Distinct()) + $"\n\n*{thing}*";
            languages = rng.Next(2) == 0 ? ",en," : ",en,fa,";
        }
        else
        {
            title = string.Format(Pick(ArabicTitles), thing);
            description = string.Join(" ", Enumerable.Range(0, rng.Next(2, 4)).Select(_ => Pick(ArabicSentences)).Distinct()) + $"\n\n({thing})";
            languages = rng.Next(2) == 0 ? ",ar," : ",ar,de,";
        }

        var listing = new Listing
        {
            Type = type,
            CategoryId = category.Id,
            DistrictId = districts[districtIndex].Id,
            PosterUserId = posters[rng.Next(posters.Count)],
            Title = title.Length > Listing.TitleMaxLength ? title[..Listing.TitleMaxLength] : title,
            Description = description,
            Languages = languages,
        };

        if (category.Kind == CategoryKind.Housing && rng.Next(3) > 0)
        {
            listing.Rooms = rng.Next(1, 5);
            listing.AreaSquareMetres = 15 + listing.Rooms * rng.Next(12, 22);
            listing.WarmRentCents = (250 + listing.Rooms * rng.Next(18, 30) * 10) * 100;
            listing.AvailableFrom = DateOnly.FromDateTime(now.UtcDateTime).AddDays(rng.Next(5, 60));
        }
        else if (category.Kind == CategoryKind.Work && rng.Next(3) > 0)
        {
            listing.WorkKind = (WorkKind)rng.Next(1, 5);
            listing.HoursPerWeek = rng.Next(2, 9) * 5;
        }
        else if (rng.Next(6) == 0)
        {
            listing.Quantity = rng.Next(1, 13);
        }

        SetState(listing, now);
        return listing;
    }

    private void SetState(Listing listing, DateTimeOffset now)
    {
        var roll = rng.Next(100);
        listing.Status = roll switch
        {
            < 78 => ListingStatus.Published,
            < 90 => ListingStatus.Expired,
            < 95 => ListingStatus.Fulfilled,
            < 98 => ListingStatus.Paused,
            _ => ListingStatus.Draft,
        };
        var published = listing.Status == ListingStatus.Expired
            ? now.AddMinutes(-rng.Next(29 * 24 * 60, 365 * 24 * 60))
            : now.AddMinutes(-rng.Next(10, 21 * 24 * 60));
        listing.CreatedAt = published.AddMinutes(-rng.Next(1, 30));
        listing.UpdatedAt = published;
        if (listing.Status == ListingStatus.Draft)
        {
            return;
        }

        listing.PublishedAt = published;
        listing.ExpiresAt = published.AddDays(28);
        if (listing.Status == ListingStatus.Fulfilled)
        {
            listing.FulfilledAt = published.AddMinutes(rng.Next(60, (int)Math.Max(61, (now - published).TotalMinutes)));
            listing.UpdatedAt = listing.FulfilledAt.Value;
        }
    }
}
