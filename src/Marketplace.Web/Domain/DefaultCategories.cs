namespace Marketplace.Web.Domain;

/// <summary>
/// The category tree every town starts with: HelpTo's categories, with sub-categories from the eleven
/// volunteering fields of KGSt B 15/2017. Coordinators rename, add and retire from there.
/// </summary>
public static class DefaultCategories
{
    private sealed record Node(string Key, string Icon, CategoryKind Kind, TranslatedText Names, Node[] Children);

    private static TranslatedText N(string de, string en, string? ar = null, string? fa = null, string? uk = null) =>
        TranslatedText.InGerman(de).With("en", en).With("ar", ar).With("fa", fa).With("uk", uk);

    private static Node Leaf(string key, string icon, TranslatedText names) => new(key, icon, CategoryKind.General, names, []);

    private static readonly Node[] Tree =
    [
        new("sachspenden", "package", CategoryKind.General, N("Sachspenden", "Donations in kind", "تبرعات عينية", "اهدای کالا", "Речі в дар"),
        [
            Leaf("kleidung", "shirt", N("Kleidung", "Clothing")),
            Leaf("moebel", "sofa", N("Möbel & Haushalt", "Furniture & household")),
            Leaf("fahrraeder", "bike", N("Fahrräder", "Bicycles")),
            Leaf("sportausruestung", "ball-tennis", N("Sportausrüstung", "Sports equipment")),
        ]),
        new("begleitung", "heart-handshake", CategoryKind.General, N("Begleitung & Beratung", "Accompaniment & advice", "مرافقة واستشارة", "همراهی و مشاوره", "Супровід і консультації"),
        [
            Leaf("behoerden", "building-bank", N("Begleitung zu Behörden", "Accompanying to authorities")),
            Leaf("arztbesuche", "stethoscope", N("Begleitung zu Ärzten", "Accompanying to doctors")),
            Leaf("patenschaften", "friends", N("Patenschaften", "Mentoring")),
            Leaf("rechtsberatung", "scale", N("Rechts- und Sozialberatung", "Legal and social advice")),
        ]),
        new("fahrdienste", "car", CategoryKind.General, N("Fahrdienste & Transporte", "Rides & transport", "خدمات التوصيل والنقل", "رفت‌وآمد و حمل‌ونقل", "Поїздки й перевезення"),
        [
            Leaf("fahrdienst", "steering-wheel", N("Fahrdienst", "Ride")),
            Leaf("transport", "truck", N("Transport", "Transport")),
            Leaf("fahrradwerkstatt", "tool", N("Fahrradwerkstatt", "Bicycle workshop")),
        ]),
        new("freizeit", "ball-football", CategoryKind.General, N("Freizeit", "Leisure", "أوقات الفراغ", "اوقات فراغت", "Дозвілля"),
        [
            Leaf("begegnung", "coffee", N("Begegnung & offene Angebote", "Encounters & open meetings")),
            Leaf("sport", "run", N("Sport", "Sport")),
            Leaf("kultur", "masks-theater", N("Kultur", "Culture")),
            Leaf("gaertnern", "plant", N("Gärtnern", "Gardening")),
        ]),
        new("familie", "users-group", CategoryKind.General, N("Familie & Kinder", "Family & children", "الأسرة والأطفال", "خانواده و کودکان", "Сім'я і діти"),
        [
            Leaf("kinderbetreuung", "baby-carriage", N("Kinderbetreuung", "Childcare")),
            Leaf("ferienprogramm", "beach", N("Ferienprogramm", "Holiday programme")),
        ]),
        new("sprache", "language", CategoryKind.General, N("Sprache & Übersetzung", "Language & translation", "اللغة والترجمة", "زبان و ترجمه", "Мова і переклад"),
        [
            Leaf("dolmetschen", "messages", N("Dolmetschen", "Interpreting")),
            Leaf("uebersetzen", "writing", N("Übersetzen", "Translating")),
            Leaf("deutsch-lernen", "alphabet-latin", N("Deutsch lernen", "Learning German")),
            Leaf("sprachcafe", "coffee", N("Sprachcafé", "Language café")),
        ]),
        new("bildung", "books", CategoryKind.General, N("Bildung", "Education", "التعليم", "آموزش", "Освіта"),
        [
            Leaf("hausaufgabenhilfe", "pencil", N("Hausaufgabenhilfe", "Homework help")),
            Leaf("schule", "backpack", N("Schule", "School")),
            Leaf("qualifizierung", "school", N("Qualifizierung", "Training")),
        ]),
        new("arbeit", "briefcase", CategoryKind.Work, N("Arbeit", "Work", "العمل", "کار", "Робота"),
        [
            Leaf("jobsuche", "search", N("Jobsuche", "Job search")),
            Leaf("praktikum", "flask", N("Praktikum", "Internship")),
            Leaf("ausbildung", "tools", N("Ausbildung", "Apprenticeship")),
        ]),
        new("wohnen", "home", CategoryKind.Housing, N("Wohnen", "Housing", "السكن", "مسکن", "Житло"),
        [
            Leaf("wohnung", "building", N("Wohnung", "Flat")),
            Leaf("zimmer", "bed", N("Zimmer", "Room")),
            Leaf("mietpaten", "key", N("Mietpatenschaft", "Tenancy mentoring")),
        ]),
        new("projekte", "bulb", CategoryKind.General, N("Projekte & Ideen", "Projects & ideas", "مشاريع وأفكار", "پروژه‌ها و ایده‌ها", "Проєкти та ідеї"),
        [
            Leaf("unterkuenfte", "tent", N("Dienste in Unterkünften", "Services in shelters")),
            Leaf("politische-arbeit", "speakerphone", N("Politische Arbeit", "Political work")),
            Leaf("neue-projekte", "sparkles", N("Neue Projekte", "New projects")),
        ]),
    ];

    /// <summary>The tree as entities for the scope's town; parents carry their children so one save writes all.</summary>
    public static IReadOnlyList<Category> Build(ISet<string>? existingKeys = null)
    {
        var result = new List<Category>();
        for (var i = 0; i < Tree.Length; i++)
        {
            var node = Tree[i];
            var parent = existingKeys?.Contains(node.Key) == true ? null
                : new Category
                {
                    Key = node.Key, Icon = node.Icon, Kind = node.Kind, Names = node.Names, SortOrder = i,
                    ExchangeMode = DefaultMode(node.Key, node.Kind, null), RequiresClearance = ClearanceKeys.Contains(node.Key),
                };
            if (parent is null)
            {
                continue;
            }

            result.Add(parent);
            for (var j = 0; j < node.Children.Length; j++)
            {
                var child = node.Children[j];
                result.Add(new Category
                {
                    Key = child.Key, Icon = child.Icon, Kind = node.Kind, Names = child.Names, SortOrder = j, Parent = parent,
                    ExchangeMode = DefaultMode(child.Key, node.Kind, node.Key), RequiresClearance = ClearanceKeys.Contains(child.Key),
                });
            }
        }

        return result;
    }

    public static int Count => Tree.Sum(n => 1 + n.Children.Length);

    /// <summary>Work with children and mentoring, where helpers need a police clearance (§ 72a SGB VIII).</summary>
    public static readonly IReadOnlySet<string> ClearanceKeys = new HashSet<string> { "kinderbetreuung", "hausaufgabenhilfe", "patenschaften", "ferienprogramm" };

    /// <summary>Keys mediated by default besides housing and work: accompanying vulnerable people and childcare.</summary>
    public static readonly IReadOnlySet<string> MediatedKeys = new HashSet<string> { "begleitung", "kinderbetreuung" };

    /// <summary>The default mode: housing and work, and the keys above (a sub-category of a mediated category too).</summary>
    public static ExchangeMode DefaultMode(string key, CategoryKind kind, string? parentKey) =>
        kind is CategoryKind.Housing or CategoryKind.Work || MediatedKeys.Contains(key) || (parentKey is not null && MediatedKeys.Contains(parentKey))
            ? ExchangeMode.Mediated
            : ExchangeMode.PeerToPeer;
}
