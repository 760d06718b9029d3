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
            Leaf("kleidung", "shirt", N("Kleidung", "Clothing", "ملابس", "لباس", "Одяг")),
            Leaf("moebel", "sofa", N("Möbel & Haushalt", "Furniture & household", "أثاث وأدوات منزلية", "مبلمان و وسایل خانه", "Меблі та речі для дому")),
            Leaf("fahrraeder", "bike", N("Fahrräder", "Bicycles", "دراجات هوائية", "دوچرخه", "Велосипеди")),
            Leaf("sportausruestung", "ball-tennis", N("Sportausrüstung", "Sports equipment", "معدات رياضية", "وسایل ورزشی", "Спортивне спорядження")),
        ]),
        new("begleitung", "heart-handshake", CategoryKind.General, N("Begleitung & Beratung", "Accompaniment & advice", "مرافقة واستشارة", "همراهی و مشاوره", "Супровід і консультації"),
        [
            Leaf("behoerden", "building-bank", N("Begleitung zu Behörden", "Accompanying to authorities", "مرافقة إلى الدوائر الحكومية", "همراهی در مراجعه به ادارات", "Супровід до державних установ")),
            Leaf("arztbesuche", "stethoscope", N("Begleitung zu Ärzten", "Accompanying to doctors", "مرافقة إلى الطبيب", "همراهی در مراجعه به پزشک", "Супровід до лікаря")),
            Leaf("patenschaften", "friends", N("Patenschaften", "Mentoring", "مرافقة شخصية (Patenschaften)", "همراهی شخصی (Patenschaften)", "Наставництво (Patenschaften)")),
            Leaf("rechtsberatung", "scale", N("Rechts- und Sozialberatung", "Legal and social advice", "استشارة قانونية واجتماعية", "مشاورهٔ حقوقی و اجتماعی", "Юридичні та соціальні консультації")),
        ]),
        new("fahrdienste", "car", CategoryKind.General, N("Fahrdienste & Transporte", "Rides & transport", "خدمات التوصيل والنقل", "رفت‌وآمد و حمل‌ونقل", "Поїздки й перевезення"),
        [
            Leaf("fahrdienst", "steering-wheel", N("Fahrdienst", "Ride", "التوصيل بالسيارة", "رساندن افراد با خودرو", "Підвезення")),
            Leaf("transport", "truck", N("Transport", "Transport", "نقل الأغراض", "حمل وسایل", "Перевезення речей")),
            Leaf("fahrradwerkstatt", "tool", N("Fahrradwerkstatt", "Bicycle workshop", "ورشة تصليح الدراجات", "تعمیرگاه دوچرخه", "Веломайстерня")),
        ]),
        new("freizeit", "ball-football", CategoryKind.General, N("Freizeit", "Leisure", "أوقات الفراغ", "اوقات فراغت", "Дозвілля"),
        [
            Leaf("begegnung", "coffee", N("Begegnung & offene Angebote", "Encounters & open meetings", "لقاءات وأنشطة مفتوحة", "دیدار و برنامه‌های آزاد", "Зустрічі та відкриті заходи")),
            Leaf("sport", "run", N("Sport", "Sport", "الرياضة", "ورزش", "Спорт")),
            Leaf("kultur", "masks-theater", N("Kultur", "Culture", "الثقافة", "فرهنگ", "Культура")),
            Leaf("gaertnern", "plant", N("Gärtnern", "Gardening", "البستنة", "باغبانی", "Садівництво")),
        ]),
        new("familie", "users-group", CategoryKind.General, N("Familie & Kinder", "Family & children", "الأسرة والأطفال", "خانواده و کودکان", "Сім'я і діти"),
        [
            Leaf("kinderbetreuung", "baby-carriage", N("Kinderbetreuung", "Childcare", "رعاية الأطفال", "نگهداری از کودکان", "Догляд за дітьми")),
            Leaf("ferienprogramm", "beach", N("Ferienprogramm", "Holiday programme", "أنشطة العطلة المدرسية", "برنامه‌های تعطیلات مدرسه", "Програма на канікули")),
        ]),
        new("sprache", "language", CategoryKind.General, N("Sprache & Übersetzung", "Language & translation", "اللغة والترجمة", "زبان و ترجمه", "Мова і переклад"),
        [
            Leaf("dolmetschen", "messages", N("Dolmetschen", "Interpreting", "الترجمة الشفهية", "ترجمهٔ شفاهی", "Усний переклад")),
            Leaf("uebersetzen", "writing", N("Übersetzen", "Translating", "الترجمة الكتابية", "ترجمهٔ کتبی", "Письмовий переклад")),
            Leaf("deutsch-lernen", "alphabet-latin", N("Deutsch lernen", "Learning German", "تعلّم اللغة الألمانية", "یادگیری زبان آلمانی", "Вивчення німецької мови")),
            Leaf("sprachcafe", "coffee", N("Sprachcafé", "Language café", "مقهى اللغة", "کافهٔ زبان", "Мовне кафе")),
        ]),
        new("bildung", "books", CategoryKind.General, N("Bildung", "Education", "التعليم", "آموزش", "Освіта"),
        [
            Leaf("hausaufgabenhilfe", "pencil", N("Hausaufgabenhilfe", "Homework help", "المساعدة في الواجبات المدرسية", "کمک در تکالیف مدرسه", "Допомога з домашніми завданнями")),
            Leaf("schule", "backpack", N("Schule", "School", "المدرسة", "مدرسه", "Школа")),
            Leaf("qualifizierung", "school", N("Qualifizierung", "Training", "دورات تأهيلية (Qualifizierung)", "دوره‌های مهارت‌آموزی (Qualifizierung)", "Навчальні курси (Qualifizierung)")),
        ]),
        new("arbeit", "briefcase", CategoryKind.Work, N("Arbeit", "Work", "العمل", "کار", "Робота"),
        [
            Leaf("jobsuche", "search", N("Jobsuche", "Job search", "البحث عن عمل", "جست‌وجوی کار", "Пошук роботи")),
            Leaf("praktikum", "flask", N("Praktikum", "Internship", "التدريب العملي (Praktikum)", "کارآموزی (Praktikum)", "Стажування (Praktikum)")),
            Leaf("ausbildung", "tools", N("Ausbildung", "Apprenticeship", "التدريب المهني (Ausbildung)", "آموزش حرفه‌ای (Ausbildung)", "Професійне навчання (Ausbildung)")),
        ]),
        new("wohnen", "home", CategoryKind.Housing, N("Wohnen", "Housing", "السكن", "مسکن", "Житло"),
        [
            Leaf("wohnung", "building", N("Wohnung", "Flat", "شقة", "آپارتمان", "Квартира")),
            Leaf("zimmer", "bed", N("Zimmer", "Room", "غرفة", "اتاق", "Кімната")),
            Leaf("mietpaten", "key", N("Mietpatenschaft", "Tenancy mentoring", "مرافقة المستأجرين (Mietpatenschaft)", "همراهی مستأجران (Mietpatenschaft)", "Супровід орендарів (Mietpatenschaft)")),
        ]),
        new("projekte", "bulb", CategoryKind.General, N("Projekte & Ideen", "Projects & ideas", "مشاريع وأفكار", "پروژه‌ها و ایده‌ها", "Проєкти та ідеї"),
        [
            Leaf("unterkuenfte", "tent", N("Dienste in Unterkünften", "Services in shelters", "خدمات في مراكز الإيواء", "خدمات در محل‌های اسکان", "Допомога в місцях тимчасового проживання")),
            Leaf("politische-arbeit", "speakerphone", N("Politische Arbeit", "Political work", "العمل السياسي", "فعالیت سیاسی", "Політична діяльність")),
            Leaf("neue-projekte", "sparkles", N("Neue Projekte", "New projects", "مشاريع جديدة", "پروژه‌های جدید", "Нові проєкти")),
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

    /// <summary>Every default category's key and names, each top-level category before its sub-categories.</summary>
    public static IEnumerable<(string Key, TranslatedText Names)> Names =>
        Tree.SelectMany(n => n.Children.Prepend(n)).Select(n => (n.Key, n.Names));

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
