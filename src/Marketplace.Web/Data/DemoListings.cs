using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

/// <summary>
/// The demo content of a town: organisations, some sixty listings covering every default category and district,
/// a few conversations and matches. Written once per town (only while the town has no listings) in one
/// transaction, from a Random seeded by the slug, so every run and every test sees the same rows.
/// Texts never name a street: a district or a landmark is as precise as a demo listing gets.
/// </summary>
internal static class DemoListings
{
    private const int LifetimeDays = 28;

    public static int ListingsPerTown(string slug) => slug == "koeln" ? 58 : 62;

    public static async Task SeedAsync(AppDbContext db, DemoData.Town town, DateTimeOffset now)
    {
        if (await db.Listings.AnyAsync())
        {
            return;
        }

        var rng = new Random(StableSeed(town.Slug));
        var accounts = DemoData.TownAccounts(town.Slug).Select(a => a.UserName).ToList();
        var hasLena = DemoData.MultiTownSlugs.Contains(town.Slug);
        if (hasLena)
        {
            accounts.Add(DemoData.MultiTownUserName);
        }

        var userIds = await db.Users.Where(u => accounts.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.Id);
        var admin = userIds[$"{town.Slug}-admin"];
        var coordinator = userIds[$"{town.Slug}-koordination"];
        var member = userIds[$"{town.Slug}-mitglied"];
        var lena = hasLena ? userIds[DemoData.MultiTownUserName] : null;

        var categories = await db.Categories
            .Select(c => new CategoryRow(c.Id, c.Key, c.Parent == null ? c.Key : c.Parent.Key))
            .ToDictionaryAsync(c => c.Key);
        var districts = await db.Districts.OrderBy(d => d.SortOrder).Select(d => new DistrictRow(d.Id, d.Name)).ToListAsync();
        if (districts.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();

        var organisations = CreateOrganisations(town, now, districts, categories, admin, coordinator, member, lena);
        db.Organisations.AddRange(organisations.Select(o => o.Entity));
        await db.SaveChangesAsync();

        var listings = CreateListings(town, now, rng, districts, categories, organisations, admin, coordinator, member, lena);
        db.Listings.AddRange(listings);
        await db.SaveChangesAsync();

        var everyone = new[] { admin, coordinator, member, lena }.OfType<string>().ToArray();
        foreach (var fulfilled in listings.Where(l => l.Status == ListingStatus.Fulfilled))
        {
            var others = everyone.Where(u => u != fulfilled.PosterUserId).ToArray();
            db.Matches.Add(new Match
            {
                ListingId = fulfilled.Id,
                CounterpartUserId = others[rng.Next(others.Length)],
                Source = MatchSource.Marketplace,
                CreatedAt = fulfilled.FulfilledAt!.Value,
            });
        }

        db.Conversations.AddRange(CreateConversations(town, now, listings, categories, coordinator, member, lena));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>string.GetHashCode differs per process; the demo must not.</summary>
    private static int StableSeed(string slug) => slug.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));

    private sealed record CategoryRow(int Id, string Key, string TopKey);

    private sealed record DistrictRow(int Id, string Name);

    private sealed record DemoOrganisation(Organisation Entity, string[] TopKeys, string AdminUserId);

    private static List<DemoOrganisation> CreateOrganisations(DemoData.Town town, DateTimeOffset now, List<DistrictRow> districts,
        Dictionary<string, CategoryRow> categories, string admin, string coordinator, string member, string? lena)
    {
        DemoOrganisation Approved(OrganisationType type, string name, string description, string? website, string adminUserId,
            int ageDays, string[] topKeys, string[]? extraMembers = null)
        {
            var created = now.AddDays(-ageDays);
            var entity = new Organisation
            {
                Type = type,
                Name = name,
                Description = description,
                Website = website,
                Status = OrganisationStatus.Approved,
                CreatedAt = created,
                ReviewedAt = created.AddDays(2),
                ReviewedByUserId = coordinator,
            };
            entity.Members.Add(new OrganisationMember { UserId = adminUserId, Role = OrganisationRole.Admin, JoinedAt = created });
            foreach (var extra in (extraMembers ?? []).Where(u => u != adminUserId))
            {
                entity.Members.Add(new OrganisationMember { UserId = extra, Role = OrganisationRole.Member, JoinedAt = created.AddDays(10) });
            }

            foreach (var key in topKeys.Where(categories.ContainsKey))
            {
                entity.Categories.Add(new OrganisationCategory { CategoryId = categories[key].Id });
            }

            // Each organisation is active in a few districts, spread over the town (5 shares no factor with 9 or 14).
            foreach (var district in Enumerable.Range(0, 3).Select(k => districts[(ageDays + k * 5) % districts.Count]).Distinct())
            {
                entity.Districts.Add(new OrganisationDistrict { DistrictId = district.Id });
            }

            return new DemoOrganisation(entity, topKeys, adminUserId);
        }

        var slug = town.Slug;
        var name = town.Name;
        var helpers = lena is null ? new[] { member } : [member, lena];
        var result = new List<DemoOrganisation>
        {
            Approved(OrganisationType.Initiative, $"Freundeskreis Asyl {name}",
                $"Ehrenamtliche aus ganz {name}: Wir begleiten Geflüchtete zu Behörden und Ärzten, organisieren das Sprachcafé und Begegnungen.\n\n**Neue Helferinnen und Helfer sind jederzeit willkommen.**",
                $"https://freundeskreis-{slug}.example", coordinator, 400, ["begleitung", "sprache", "freizeit", "familie", "projekte"], helpers),
            Approved(OrganisationType.Association, $"Rad & Tat {name} e.V.",
                "Verein für Mobilität: offene Fahrradwerkstatt, gespendete Räder, Fahrdienste für Menschen ohne Auto.",
                $"https://radundtat-{slug}.example", admin, 250, ["fahrdienste", "sachspenden"], [member]),
            Approved(OrganisationType.CourseProvider, $"Bildungswerk {name}",
                "Deutschkurse, Bewerbungstraining und Berufsorientierung – kostenlos oder mit Bildungsgutschein.",
                $"https://bildungswerk-{slug}.example", coordinator, 600, ["bildung", "arbeit", "sprache"]),
            Approved(OrganisationType.WelfareProvider, $"Wohnhilfe {name}",
                "Beratung rund ums Wohnen: Wohnungssuche, Mietpatenschaften, Unterstützung in den Unterkünften.",
                null, admin, 180, ["wohnen", "projekte", "familie"]),
        };

        var pending = new Organisation
        {
            Type = OrganisationType.Initiative,
            Name = $"Nachbarschaftsnetz {districts[^1].Name}",
            Description = $"Wir sind eine kleine Gruppe aus {districts[^1].Name} und wollen Nachbarschaftshilfe und einen offenen Treff aufbauen.",
            Status = OrganisationStatus.Pending,
            CreatedAt = now.AddDays(-3),
        };
        pending.Members.Add(new OrganisationMember { UserId = member, Role = OrganisationRole.Admin, JoinedAt = pending.CreatedAt });
        pending.Districts.Add(new OrganisationDistrict { DistrictId = districts[^1].Id });
        result.Add(new DemoOrganisation(pending, [], member));
        return result;
    }

    private static List<Listing> CreateListings(DemoData.Town town, DateTimeOffset now, Random rng, List<DistrictRow> districts,
        Dictionary<string, CategoryRow> categories, List<DemoOrganisation> organisations,
        string admin, string coordinator, string member, string? lena)
    {
        var available = Templates.Where(t => categories.ContainsKey(t.Category)).ToList();

        // One template for each category first, so every category has a listing; then a random rest.
        var chosen = available.GroupBy(t => t.Category).Select(g => g.ElementAt(rng.Next(g.Count()))).ToList();
        var rest = available.Except(chosen).ToArray();
        rng.Shuffle(rest);
        chosen.AddRange(rest.Take(Math.Max(0, ListingsPerTown(town.Slug) - chosen.Count)));
        var ordered = chosen.ToArray();
        rng.Shuffle(ordered);

        var districtOrder = districts.ToArray();
        rng.Shuffle(districtOrder);

        string[] privatePosters = lena is null
            ? [member, member, member, member, coordinator, coordinator, admin]
            : [member, member, member, lena, lena, lena, coordinator, admin];
        var approved = organisations.Where(o => o.Entity.Status == OrganisationStatus.Approved).ToList();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var listings = new List<Listing>();
        for (var i = 0; i < ordered.Length; i++)
        {
            var template = ordered[i];
            var category = categories[template.Category];
            var district = districtOrder[i % districtOrder.Length];
            var organisation = template.ByOrganisation ? approved.FirstOrDefault(o => o.TopKeys.Contains(category.TopKey)) : null;

            string Fill(string text) => text.Replace("{district}", district.Name).Replace("{town}", town.Name);

            var listing = new Listing
            {
                Type = template.Type,
                CategoryId = category.Id,
                DistrictId = district.Id,
                PosterUserId = organisation?.AdminUserId ?? privatePosters[rng.Next(privatePosters.Length)],
                OrganisationId = organisation?.Entity.Id,
                Title = Fill(template.Title),
                Description = Fill(template.Description),
                Languages = template.Languages,
                Quantity = template.Quantity,
                MeetingPoint = template.MeetingPoint is null ? null : Fill(template.MeetingPoint),
                Rooms = template.Rooms,
                AreaSquareMetres = template.Area,
                WarmRentCents = template.WarmRent is { } rent ? Money.ToCents(rent + rng.Next(-3, 4) * 10) : null,
                WorkKind = template.WorkKind,
                HoursPerWeek = template.HoursPerWeek,
                AvailableFrom = template.AvailableInDays is { } days ? today.AddDays(days + rng.Next(0, 10)) : null,
                AvailableUntil = template.AvailableForDays is { } span && template.AvailableInDays is { } start
                    ? today.AddDays(start + span) : null,
            };
            ApplyStatus(listing, StatusAt(i), now, rng);
            listings.Add(listing);
        }

        return listings;
    }

    /// <summary>Mostly published; every tenth from the fourth expired, every tenth from the eighth fulfilled, a few paused and one draft.</summary>
    private static ListingStatus StatusAt(int index) => index switch
    {
        13 or 41 => ListingStatus.Paused,
        29 => ListingStatus.Draft,
        _ when index % 10 == 3 => ListingStatus.Expired,
        _ when index % 10 == 7 => ListingStatus.Fulfilled,
        _ => ListingStatus.Published,
    };

    private static void ApplyStatus(Listing listing, ListingStatus status, DateTimeOffset now, Random rng)
    {
        DateTimeOffset MinutesAgo(int min, int max) => now.AddMinutes(-rng.Next(min, max));
        const int Day = 24 * 60;

        listing.Status = status;
        switch (status)
        {
            case ListingStatus.Draft:
                listing.CreatedAt = MinutesAgo(60, 5 * Day);
                listing.UpdatedAt = listing.CreatedAt;
                return;
            case ListingStatus.Expired:
                listing.PublishedAt = MinutesAgo(30 * Day, 60 * Day);
                break;
            case ListingStatus.Fulfilled:
                listing.PublishedAt = MinutesAgo(6 * Day, 21 * Day);
                listing.FulfilledAt = listing.PublishedAt.Value.AddMinutes(rng.Next(Day, 5 * Day));
                break;
            default:
                listing.PublishedAt = MinutesAgo(30, 21 * Day);
                break;
        }

        listing.PublishedAt = TruncateToMinute(listing.PublishedAt.Value);
        listing.CreatedAt = listing.PublishedAt.Value.AddMinutes(-rng.Next(2, 40));
        listing.ExpiresAt = listing.PublishedAt.Value.AddDays(LifetimeDays);
        listing.UpdatedAt = listing.FulfilledAt ?? listing.PublishedAt.Value;
        if (status == ListingStatus.Paused)
        {
            listing.UpdatedAt = listing.PublishedAt.Value.AddMinutes((now - listing.PublishedAt.Value).TotalMinutes / 2);
        }
    }

    private static DateTimeOffset TruncateToMinute(DateTimeOffset value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerMinute, value.Offset);

    private sealed record Script(string Topic, ListingType Type, string[] Bodies);

    /// <summary>The respondent writes first, then the sides take turns.</summary>
    private static readonly Script[] Scripts =
    [
        new("sachspenden", ListingType.Offer,
        [
            "Hallo! Ist das noch zu haben? Ich könnte am Samstag vorbeikommen.",
            "Hallo, ja, ist noch da. Samstag passt, gegen 11 Uhr?",
            "Super, 11 Uhr passt mir. Bis dann!",
        ]),
        new("begleitung", ListingType.Request,
        [
            "Guten Tag, ich würde Sie gerne begleiten. Wann ist der Termin?",
            "Danke für die schnelle Antwort! Der Termin ist am Dienstag um 9 Uhr.",
            "Das passt. Treffpunkt: Haltestelle Rathaus, um 8:40?",
            "Ja, sehr gerne. Vielen Dank!",
        ]),
        new("sprache", ListingType.Request,
        [
            "Hi, I saw your post. I could help on weekday evenings – I speak English and German.",
            "That would be great, thank you! Does Wednesday work for you?",
        ]),
        new("fahrdienste", ListingType.Offer,
        [
            "مرحباً، هل ما زال العرض متاحاً؟",
            "Hallo! Ja, noch verfügbar. Sprechen Sie auch etwas Deutsch? Sonst gern auf Englisch.",
            "نعم، قليلاً. Ein bisschen Deutsch. Ich kann morgen Nachmittag. Danke!",
        ]),
    ];

    private static List<Conversation> CreateConversations(DemoData.Town town, DateTimeOffset now, List<Listing> listings,
        Dictionary<string, CategoryRow> categories, string coordinator, string member, string? lena)
    {
        var people = new[] { member, coordinator, lena }.OfType<string>().ToArray();
        var topKeyOf = categories.Values.ToDictionary(c => c.Id, c => c.TopKey);
        var candidates = listings
            .Where(l => l.Status == ListingStatus.Published && l.OrganisationId is null && people.Contains(l.PosterUserId)
                        && l.PublishedAt < now.AddDays(-2))
            .ToList();
        var used = new HashSet<int>();
        var result = new List<Conversation>();

        // Köln has no lena, so one script fewer; the others rotate which script they leave out.
        var scripts = town.Slug switch
        {
            "erlangen" => Scripts,
            "potsdam" => [Scripts[1], Scripts[2], Scripts[3], Scripts[0]],
            _ => Scripts[..3],
        };
        foreach (var script in scripts)
        {
            var listing = candidates.FirstOrDefault(l => !used.Contains(l.Id) && l.Type == script.Type && topKeyOf[l.CategoryId] == script.Topic)
                ?? candidates.FirstOrDefault(l => !used.Contains(l.Id) && l.Type == script.Type);
            if (listing is null)
            {
                continue;
            }

            used.Add(listing.Id);
            var others = people.Where(p => p != listing.PosterUserId).ToArray();
            var respondent = others[result.Count % others.Length];
            var start = listing.PublishedAt!.Value.AddHours(3);
            var conversation = new Conversation
            {
                ListingId = listing.Id,
                OwnerUserId = listing.PosterUserId,
                RespondentUserId = respondent,
                CreatedAt = start,
            };
            for (var i = 0; i < script.Bodies.Length; i++)
            {
                conversation.Messages.Add(new Message
                {
                    SenderUserId = i % 2 == 0 ? respondent : listing.PosterUserId,
                    Body = script.Bodies[i],
                    SentAt = start.AddMinutes(i * 95),
                });
            }

            conversation.LastMessageAt = conversation.Messages[^1].SentAt;
            conversation.RespondentReadAt = conversation.LastMessageAt;
            // The last conversation of a town keeps one unread message for its owner, so the inbox shows a badge.
            conversation.OwnerReadAt = script == scripts[^1] ? conversation.Messages[^1].SentAt.AddMinutes(-95) : conversation.LastMessageAt;
            result.Add(conversation);
        }

        return result;
    }

    /// <summary>
    /// A listing as written by a poster. {district} and {town} are filled in; AvailableInDays counts from today.
    /// ByOrganisation: posted in the name of an approved organisation active in the category, when the town has one.
    /// </summary>
    private sealed record Template(string Category, ListingType Type, string Title, string Description, string Languages)
    {
        public bool ByOrganisation { get; init; }
        public int? Quantity { get; init; }
        public string? MeetingPoint { get; init; }
        public int? Rooms { get; init; }
        public decimal? Area { get; init; }
        public decimal? WarmRent { get; init; }
        public int? AvailableInDays { get; init; }
        public int? AvailableForDays { get; init; }
        public WorkKind? WorkKind { get; init; }
        public decimal? HoursPerWeek { get; init; }
    }

    private static Template Offer(string category, string title, string description, string languages = ",de,") =>
        new(category, ListingType.Offer, title, description, languages);

    private static Template Request(string category, string title, string description, string languages = ",de,") =>
        new(category, ListingType.Request, title, description, languages);

    private static readonly Template[] Templates =
    [
        // Sachspenden
        Offer("sachspenden", "Kisten mit Haushaltssachen abzugeben",
            "Nach einem Umzug sind **drei Kisten** übrig:\n\n- Geschirr und Besteck\n- Handtücher und Bettwäsche\n- zwei Kochtöpfe\n\nAbholung in {district}, gern auch abends."),
        Request("sachspenden", "نبحث عن أدوات مطبخ",
            "وصلنا حديثاً إلى {town} ونحتاج إلى أوانٍ وأطباق وأكواب.\n\nشكراً جزيلاً!", ",ar,"),
        Offer("kleidung", "Winterjacken für Kinder (Gr. 110–128)",
            "Zwei Winterjacken und eine Schneehose, sauber und gut erhalten. Gerne an eine Familie, die sie braucht."),
        Request("kleidung", "Suche Winterschuhe in Größe 43",
            "Für meinen Mann suchen wir **warme Winterschuhe** in Größe 43. Gebraucht ist völlig in Ordnung.", ",de,fa,"),
        Request("kleidung", "Looking for baby clothes (size 62–68)",
            "Our daughter was born last month. We need *bodysuits, sleepsuits and a winter overall*. Thank you!", ",en,fa,"),
        Offer("moebel", "Sofa und Küchentisch zu verschenken",
            "Wegen Umzug: ein graues 3-Sitzer-Sofa und ein Küchentisch mit vier Stühlen.\n\nMuss selbst abgeholt werden (2. Stock, kein Aufzug)."),
        Request("moebel", "Kinderbett mit Matratze gesucht",
            "Wir erwarten im Frühjahr unser zweites Kind und suchen ein **Kinderbett** (60 × 120) mit Matratze.", ",de,ar,"),
        Request("moebel", "نبحث عن خزانة وسرير",
            "انتقلنا إلى شقة جديدة في {district} ونحتاج إلى خزانة ملابس وسرير لشخصين.\n\nيمكننا نقلها بأنفسنا.", ",ar,de,"),
        Offer("fahrraeder", "Damenfahrrad 28 Zoll, fahrbereit",
            "Dreigang-Nabenschaltung, Licht funktioniert, neue Bremsbeläge. Schloss ist dabei.\n\nÜbergabe in {district}."),
        Request("fahrraeder", "أبحث عن دراجة لابني",
            "ابني عمره عشر سنوات ويحتاج إلى دراجة للذهاب إلى المدرسة.\n\nدراجة مستعملة تكفي تماماً.", ",ar,de,"),
        Request("fahrraeder", "Fahrrad für den Weg zur Arbeit gesucht",
            "Ich habe eine Stelle in einer Bäckerei gefunden, Schichtbeginn um 5 Uhr – da fährt noch kein Bus. Ein einfaches Rad würde mir sehr helfen.", ",de,ti,"),
        Offer("sportausruestung", "Fußballschuhe und Schienbeinschoner",
            "Fußballschuhe Größe 36 und 38, zwei Paar Schienbeinschoner. Für Kinder, die im Verein anfangen wollen."),
        Request("sportausruestung", "Schwimmsachen für Kinderkurs gesucht",
            "Meine Kinder (7 und 9) dürfen beim Schwimmkurs mitmachen. Wir brauchen Badesachen, Schwimmbrillen und Handtücher.", ",de,ar,"),

        // Begleitung & Beratung
        Offer("begleitung", "Ich begleite Sie – Amt, Arzt, Schule",
            "Ich bin Rentnerin und habe **vormittags Zeit**. Ich komme mit zu Terminen und helfe beim Verstehen von Briefen.", ",de,en,"),
        Request("begleitung", "Need help understanding official letters",
            "I receive many letters from different offices and I do not always understand what I have to do. Who can help me once a week?", ",en,"),
        Offer("behoerden", "Begleitung zu Jobcenter und Ausländerbehörde",
            "Ich habe Zeit **dienstags und donnerstags**. Erfahrung mit Anträgen auf Wohngeld, Kindergeld und Aufenthalt.", ",de,en,")
            with { ByOrganisation = true },
        Request("behoerden", "Begleitung zur Ausländerbehörde am Dienstag",
            "Ich habe am Dienstag einen Termin wegen meiner Aufenthaltserlaubnis und wünsche mir jemanden, der mitkommt.", ",de,fa,")
            with { MeetingPoint = "Treffpunkt: Haltestelle Rathaus" },
        Request("behoerden", "أحتاج مرافقة إلى مركز العمل",
            "لدي موعد في مركز العمل (Jobcenter) الأسبوع القادم وأحتاج إلى شخص يساعدني في الفهم.\n\nأتكلم قليلاً من الألمانية.", ",ar,"),
        Offer("arztbesuche", "Begleitung zu Arztterminen, auch auf Farsi",
            "Ich spreche Deutsch und Farsi und begleite gern zu Ärztinnen und Ärzten in {town}.", ",de,fa,"),
        Request("arztbesuche", "Begleitung zur Kinderärztin gesucht",
            "Unser Sohn braucht eine Untersuchung. Ich möchte alles richtig verstehen – wer kommt mit?", ",de,ar,")
            with { MeetingPoint = "Treffpunkt: Haltestelle in {district}" },
        Offer("patenschaften", "Patin für eine Familie – einmal pro Woche",
            "Ich möchte eine Familie im Alltag begleiten: Schule, Freizeit, Fragen aller Art. **Ein Nachmittag pro Woche.**")
            with { ByOrganisation = true },
        Request("patenschaften", "Looking for a mentor in {town}",
            "I arrived three months ago. I would like to meet someone who helps me find my way and practise German.", ",en,ar,"),
        Offer("rechtsberatung", "Offene Sozialberatung jeden Mittwoch",
            "Fragen zu Bescheiden, Kindergeld, Wohngeld?\n\n- jeden Mittwoch 14–17 Uhr\n- ohne Termin\n- kostenlos und vertraulich", ",de,en,ar,")
            with { ByOrganisation = true },
        Request("rechtsberatung", "Hilfe beim Widerspruch gegen einen Bescheid",
            "Ich habe einen Bescheid bekommen und muss innerhalb eines Monats Widerspruch einlegen. Wer kennt sich aus?", ",de,ru,"),

        // Fahrdienste & Transporte
        Offer("fahrdienste", "Fahrten mit dem Kleinbus für Gruppen",
            "Unser Verein hat einen Kleinbus mit **8 Sitzplätzen** für Ausflüge und Fahrten zu Veranstaltungen.")
            with { ByOrganisation = true, Quantity = 8 },
        Offer("fahrdienst", "Mitfahrgelegenheit zum Deutschkurs, 3 Plätze",
            "Ich fahre montags bis donnerstags um 8 Uhr aus {district} Richtung Innenstadt und nehme gern bis zu drei Personen mit.")
            with { Quantity = 3, MeetingPoint = "Treffpunkt: Haltestelle in {district}" },
        Request("fahrdienst", "Fahrt zur Klinik am Freitagmorgen gesucht",
            "Meine Mutter hat eine ambulante Behandlung und kann nicht Bus fahren. Wer kann uns fahren?", ",de,ar,"),
        Offer("transport", "Transporter für Umzüge am Wochenende",
            "Ich habe einen Transporter und helfe samstags bei kleinen Umzügen und beim Abholen von Möbelspenden."),
        Request("transport", "Hilfe beim Transport einer Waschmaschine",
            "Eine Waschmaschine wurde uns geschenkt. Wir brauchen ein Auto und zwei starke Hände.", ",de,uk,"),
        Offer("fahrradwerkstatt", "Offene Fahrradwerkstatt – Reparieren lernen",
            "Jeden Samstag 10–14 Uhr: Werkzeug, Ersatzteile und Menschen, die zeigen, wie es geht. **Plätze für sechs Räder gleichzeitig.**", ",de,en,ar,")
            with { ByOrganisation = true, Quantity = 6 },
        Request("fahrradwerkstatt", "Wer hilft mir, mein Fahrrad zu reparieren?",
            "Platter Reifen und die Kette springt. Ich möchte lernen, das selbst zu machen.", ",de,fa,"),

        // Freizeit
        Offer("freizeit", "Ausflug in den Tierpark – Familien willkommen",
            "Wir fahren am Sonntag gemeinsam in den Tierpark. Eintritt übernimmt der Freundeskreis.", ",de,ar,")
            with { ByOrganisation = true, Quantity = 10 },
        Request("freizeit", "Anyone up for a walk on Sundays?",
            "I like walking and would like to get to know people in {district}. Any age, any language.", ",en,uk,"),
        Offer("begegnung", "Interkulturelles Frauenfrühstück",
            "Einmal im Monat frühstücken wir gemeinsam – jede bringt etwas mit. Kinder sind willkommen.", ",de,ar,fa,")
            with { ByOrganisation = true },
        Offer("begegnung", "Spieleabend im Stadtteiltreff {district}",
            "Brettspiele, Karten, Tee. Jeden zweiten Freitag ab 18 Uhr, ohne Anmeldung.")
            with { MeetingPoint = "Treffpunkt: Stadtteiltreff {district}" },
        Offer("sport", "Volleyball für alle – Mitspielende willkommen",
            "Wir spielen donnerstags in einer Schulturnhalle in {district}. Es sind noch **vier Plätze** frei.", ",de,en,")
            with { Quantity = 4 },
        Request("sport", "أبحث عن فريق كرة قدم",
            "عمري ٢٤ سنة وألعب كرة القدم منذ الصغر.\n\nأبحث عن فريق أو مجموعة تلعب في نهاية الأسبوع.", ",ar,en,"),
        Offer("kultur", "Freikarten fürs Theater abzugeben",
            "Für die Vorstellung am Samstag habe ich **vier Karten** übrig. Gerne an Menschen, die sonst nicht ins Theater gehen.")
            with { Quantity = 4 },
        Request("kultur", "Begleitung zum Konzert gesucht",
            "Ich würde gern ein klassisches Konzert besuchen, möchte aber nicht allein gehen.", ",de,ru,"),
        Offer("gaertnern", "Mitgärtnern im Gemeinschaftsgarten",
            "Unser Gemeinschaftsgarten in {district} hat noch Beete frei. Werkzeug und Saatgut sind da."),
        Request("gaertnern", "Suche ein kleines Beet für Gemüse",
            "Zu Hause hatte ich einen Garten. Hier wohne ich ohne Balkon und würde gern wieder Gemüse anbauen.", ",de,uk,"),

        // Familie & Kinder
        Request("familie", "Familie sucht Kontakt zu anderen Familien",
            "Wir sind neu in {district} und haben zwei Kinder (4 und 6). Wir freuen uns über Spielplatz-Treffen.", ",de,ar,"),
        Offer("kinderbetreuung", "Babysitting am Nachmittag",
            "Ich bin Studentin und habe Erfahrung mit Kindern. Nachmittags während Deutschkursen oder Terminen.", ",de,en,"),
        Request("kinderbetreuung", "نبحث عن جليسة أطفال",
            "نحتاج إلى شخص يعتني بطفلينا (٣ و٥ سنوات) مرتين في الأسبوع بعد الظهر أثناء دورة اللغة الألمانية.", ",ar,"),
        Offer("ferienprogramm", "Sommerferien-Programm für Kinder von 6 bis 12",
            "Eine Woche Basteln, Spielen, Ausflüge. **15 Plätze**, kostenlos, Mittagessen inklusive.", ",de,ar,uk,")
            with { ByOrganisation = true, Quantity = 15, AvailableInDays = 40, AvailableForDays = 5 },
        Request("ferienprogramm", "Ferienbetreuung für zwei Kinder gesucht",
            "Ich arbeite in den Ferien und suche für meine Kinder (8 und 10) eine Betreuung für zwei Wochen.", ",de,tr,"),

        // Sprache & Übersetzung
        Offer("sprache", "Hilfe bei Sprache und Übersetzungen aller Art",
            "Ich spreche Deutsch, Englisch und Französisch und helfe gern bei Formularen, Briefen und Gesprächen.", ",de,en,fr,"),
        Offer("dolmetschen", "Dolmetschen Arabisch–Deutsch",
            "Ich dolmetsche bei Terminen in {town}, ehrenamtlich und verschwiegen.", ",ar,de,"),
        Request("dolmetschen", "Dolmetscher/in für Farsi gesucht",
            "Für ein Elterngespräch in der Schule brauchen wir jemanden, der Farsi spricht.", ",fa,de,"),
        Offer("dolmetschen", "أترجم من العربية إلى الألمانية",
            "أتكلم العربية والألمانية (مستوى C1). يمكنني المساعدة في الترجمة عند المواعيد أو في قراءة الرسائل.\n\n**مجاناً.**", ",ar,de,"),
        Offer("uebersetzen", "Translating documents English–German",
            "I am a retired teacher and can help translate certificates and letters between English and German (not certified).", ",en,de,"),
        Request("uebersetzen", "Zeugnis aus dem Ukrainischen übersetzen",
            "Für eine Bewerbung brauche ich eine Übersetzung meines Schulzeugnisses. Eine einfache Übersetzung reicht zunächst.", ",uk,de,"),
        Offer("deutsch-lernen", "Deutschkurs für Anfänger (A1), abends",
            "Zweimal pro Woche, 18–19:30 Uhr. Material ist kostenlos, **12 Plätze**.", ",de,en,ar,")
            with { ByOrganisation = true, Quantity = 12, AvailableInDays = 14 },
        Request("deutsch-lernen", "Tandempartner zum Deutschlernen gesucht",
            "Ich lerne seit einem Jahr Deutsch (B1) und suche jemanden zum Sprechen. Dafür bringe ich Arabisch bei.", ",de,ar,"),
        Request("deutsch-lernen", "Looking for a German conversation partner",
            "My German is A2. I want to practise speaking – over a coffee or a walk.", ",en,fa,"),
        Offer("sprachcafe", "Sprachcafé jeden Donnerstag",
            "Deutsch sprechen bei Kaffee und Kuchen: **jeden Donnerstag 16–18 Uhr** in {district}. Alle Niveaus, ohne Anmeldung.", ",de,en,ar,fa,uk,")
            with { ByOrganisation = true },

        // Bildung
        Offer("bildung", "Computerkurs für Einsteiger",
            "E-Mails schreiben, Bewerbungen tippen, online Termine buchen. Vier Abende, **6 Plätze**, Laptops sind da.", ",de,en,")
            with { ByOrganisation = true, Quantity = 6 },
        Offer("hausaufgabenhilfe", "Nachhilfe in Mathe für die Klassen 5 bis 10",
            "Ich bin Ingenieur im Ruhestand und helfe gern bei Mathe und Physik – einmal pro Woche."),
        Request("hausaufgabenhilfe", "Hausaufgabenhilfe für meine Tochter (3. Klasse)",
            "Meine Tochter braucht Hilfe beim Lesen und Rechnen. Ich kann ihr leider noch nicht gut helfen.", ",de,ar,"),
        Request("schule", "Schulsachen für zwei Kinder gesucht",
            "Zum Schulbeginn brauchen wir zwei Schulranzen, Federmäppchen und Turnbeutel.", ",de,fa,"),
        Offer("schule", "Begleitung zum Elternabend",
            "Ich war lange Elternvertreterin und erkläre gern, wie Schule in Deutschland funktioniert. Ich komme auch mit zum Elternabend."),
        Offer("qualifizierung", "Bewerbungstraining in kleiner Gruppe",
            "Lebenslauf, Anschreiben, Vorstellungsgespräch üben. Drei Termine, **8 Plätze**.", ",de,en,")
            with { ByOrganisation = true, Quantity = 8, AvailableInDays = 10 },
        Request("qualifizierung", "Recognition of my nursing degree – who can advise?",
            "I worked as a nurse for six years in Syria. What do I need to have my degree recognised in Germany?", ",en,ar,"),

        // Arbeit
        Request("arbeit", "Suche Arbeit in der Gastronomie",
            "Ich habe drei Jahre als Koch gearbeitet und suche eine Stelle in Teilzeit.", ",de,ar,")
            with { WorkKind = WorkKind.Job, HoursPerWeek = 20 },
        Offer("jobsuche", "Küchenhilfe in Teilzeit gesucht",
            "Unser Bistro sucht eine Küchenhilfe, **20 Stunden pro Woche**, auch ohne Vorerfahrung. Deutsch A2 genügt.")
            with { ByOrganisation = true, WorkKind = WorkKind.Job, HoursPerWeek = 20, AvailableInDays = 14 },
        Request("jobsuche", "Suche Stelle als Lagerhelfer",
            "Ich habe Erfahrung im Lager und einen Staplerschein. Vollzeit, gerne auch Schichtarbeit.", ",de,ar,")
            with { WorkKind = WorkKind.Job, HoursPerWeek = 40 },
        Request("jobsuche", "أبحث عن عمل في مجال البناء",
            "لدي خبرة خمس سنوات في البناء والبلاط. أبحث عن عمل بدوام كامل.\n\nلغتي الألمانية مستوى A2.", ",ar,de,")
            with { WorkKind = WorkKind.Job, HoursPerWeek = 40 },
        Offer("praktikum", "Praktikum im Kindergarten",
            "Unsere Kita bietet ein Praktikum für Menschen, die Erzieherin oder Erzieher werden möchten.", ",de,")
            with { ByOrganisation = true, WorkKind = WorkKind.Internship, HoursPerWeek = 30, AvailableInDays = 21 },
        Request("praktikum", "Praktikumsplatz im Bereich IT gesucht",
            "Ich habe in Kabul Informatik studiert und suche ein Praktikum, um in Deutschland anzufangen.", ",de,en,fa,")
            with { WorkKind = WorkKind.Internship, HoursPerWeek = 35 },
        Offer("ausbildung", "Ausbildungsplatz Elektroniker/in ab September",
            "Handwerksbetrieb bildet aus: Elektroniker/in für Energie- und Gebäudetechnik. Sprachkurs nebenbei ist möglich.", ",de,")
            with { ByOrganisation = true, WorkKind = WorkKind.Apprenticeship, HoursPerWeek = 39, AvailableInDays = 90 },
        Offer("ausbildung", "Betriebsbesichtigung in einer Bäckerei",
            "Wie sieht eine Ausbildung zur Bäckerin oder zum Bäcker aus? Wir zeigen es vor Ort. **10 Plätze.**", ",de,")
            with { WorkKind = WorkKind.CompanyVisit, Quantity = 10, AvailableInDays = 12 },
        Request("ausbildung", "Ausbildung zur Pflegefachkraft – wer berät mich?",
            "Ich möchte eine Ausbildung in der Pflege machen. Welche Schule, welche Unterlagen, welches Sprachniveau?", ",de,ti,")
            with { WorkKind = WorkKind.Apprenticeship },

        // Wohnen
        Request("wohnen", "Familie (5 Personen) sucht Wohnung",
            "Wir wohnen seit einem Jahr in einer Gemeinschaftsunterkunft und suchen eine Wohnung mit **vier Zimmern**. Das Jobcenter übernimmt die Miete.", ",de,ar,")
            with { Rooms = 4, WarmRent = 1150, AvailableInDays = 30 },
        Offer("wohnung", "2-Zimmer-Wohnung, 54 m², in {district}",
            "Helle Wohnung im 1. Stock, Einbauküche, Balkon. Ab nächstem Monat frei.\n\nBesichtigung nach Absprache.", ",de,en,")
            with { Rooms = 2, Area = 54, WarmRent = 690, AvailableInDays = 25 },
        Offer("wohnung", "3-Zimmer-Wohnung für eine Familie",
            "Unsere vermietete Wohnung wird frei: 72 m², ruhige Lage, Schulen in der Nähe. Wir vermieten gern an eine geflüchtete Familie.")
            with { Rooms = 3, Area = 72, WarmRent = 890, AvailableInDays = 45 },
        Request("wohnung", "Junges Paar sucht 2-Zimmer-Wohnung",
            "Wir arbeiten beide in Vollzeit (Pflege und Logistik) und suchen eine Wohnung in {town}.", ",de,ar,")
            with { Rooms = 2, WarmRent = 750, AvailableInDays = 20 },
        Request("wohnung", "عائلة تبحث عن شقة من ثلاث غرف",
            "نحن عائلة من أربعة أشخاص ونبحث عن شقة من ثلاث غرف.\n\nمركز العمل (Jobcenter) يدفع الإيجار.", ",ar,")
            with { Rooms = 3, WarmRent = 950, AvailableInDays = 30 },
        Offer("zimmer", "Möbliertes WG-Zimmer frei",
            "Ein Zimmer (14 m²) in unserer Dreier-WG wird frei. Wir sind berufstätig, kochen gern und sprechen Deutsch und Englisch.", ",de,en,")
            with { Rooms = 1, Area = 14, WarmRent = 390, Quantity = 1, AvailableInDays = 15, AvailableForDays = 180 },
        Offer("zimmer", "Zwei Zimmer in großer Wohnung zur Untermiete",
            "Wir sind ein älteres Ehepaar. Die Kinder sind ausgezogen, zwei Zimmer stehen leer.", ",de,")
            with { Rooms = 2, Area = 28, WarmRent = 520, Quantity = 2, AvailableInDays = 10 },
        Request("zimmer", "Student looking for a room",
            "I start my master's degree in October and am looking for a room in a shared flat.", ",en,fa,")
            with { Rooms = 1, WarmRent = 450, AvailableInDays = 35 },
        Offer("mietpaten", "Mietpatin: Unterstützung bei der Wohnungssuche",
            "Ich helfe bei Wohnungsanzeigen, Bewerbungen bei Vermietern und beim ersten Gespräch.")
            with { ByOrganisation = true },
        Request("mietpaten", "Suche Mietpaten für die erste eigene Wohnung",
            "Ich habe noch nie in Deutschland eine Wohnung gesucht. Wer erklärt mir, wie das geht?", ",de,ar,"),

        // Projekte & Ideen
        Offer("projekte", "Ideenwerkstatt: Was fehlt in {district}?",
            "Wir sammeln Ideen für Projekte im Stadtteil und suchen Menschen, die mitmachen wollen.")
            with { ByOrganisation = true },
        Request("unterkuenfte", "Helfende für die Kleiderkammer gesucht",
            "Die Kleiderkammer in der Gemeinschaftsunterkunft braucht **fünf Helfende** für Sortieren und Ausgabe, dienstags 15–18 Uhr.")
            with { ByOrganisation = true, Quantity = 5 },
        Offer("unterkuenfte", "Spielenachmittag in der Gemeinschaftsunterkunft",
            "Ich komme jeden zweiten Sonntag mit Spielen und Bastelmaterial in die Unterkunft in {district}.", ",de,en,"),
        Offer("politische-arbeit", "Infoabend: Wie funktioniert der Integrationsbeirat?",
            "Wer kann gewählt werden, was macht der Beirat? Ein Abend mit Fragen und Antworten.", ",de,ar,")
            with { ByOrganisation = true },
        Request("politische-arbeit", "Mitstreitende für die Wahl zum Integrationsrat",
            "Wir stellen eine Liste auf und suchen Menschen, die Flyer übersetzen und Infostände betreuen."),
        Request("neue-projekte", "Repair-Café: Wer hilft beim Aufbau?",
            "Wir möchten in {district} ein Repair-Café gründen. Gesucht: Menschen, die gern schrauben, nähen oder löten."),
        Offer("neue-projekte", "Idee: Gemeinsam kochen – jeden Monat ein anderes Land",
            "Wer kocht mit? Einmal im Monat kocht eine Familie ein Gericht aus ihrer Heimat, alle anderen helfen und essen mit.", ",de,ar,fa,"),
    ];
}
