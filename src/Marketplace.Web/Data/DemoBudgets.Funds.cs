using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

public static partial class DemoBudgets
{
    /// <summary>
    /// The demo town's funds ("Menschen stärken Menschen", the town's integration fund counting volunteer hours, a
    /// foundation), projects of the demo organisations with their plans and the office's review: approved this year (one
    /// in own-responsibility mode), one approved last year and ended, one waiting for review, one rejected. The town's
    /// office gets an organisation of its own (MunicipalOffice) when it has none. Funds' allocations are the sums granted.
    /// </summary>
    private static async Task SeedFundsAndProjectsAsync(AppDbContext db, DemoData.Town town, DateTimeOffset now)
    {
        var accounts = await db.Users.Where(u => u.UserName!.StartsWith(town.Slug + "-"))
            .ToDictionaryAsync(u => u.UserName!, u => u.Id);
        var admin = accounts.GetValueOrDefault($"{town.Slug}-admin");
        var coordinator = accounts.GetValueOrDefault($"{town.Slug}-koordination");
        var organisations = await db.Organisations.Where(o => o.Status == OrganisationStatus.Approved)
            .Select(o => new { o.Id, o.Type, Members = o.Members.Select(m => m.UserId).ToList() }).ToListAsync();
        if (admin is null || coordinator is null)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var office = organisations.FirstOrDefault(o => o.Type == OrganisationType.MunicipalOffice)?.Id;
        if (office is null)
        {
            var created = new Organisation
            {
                Type = OrganisationType.MunicipalOffice,
                Name = $"Koordinierungsstelle Ehrenamt {town.Name}",
                Description = $"Die Koordinierungsstelle der Stadt {town.Name} vermittelt Engagement, berät Initiativen und verwaltet die Fördertöpfe für Projekte.",
                Status = OrganisationStatus.Approved,
                CreatedAt = now.AddDays(-500),
                ReviewedAt = now.AddDays(-500),
                ReviewedByUserId = admin,
            };
            created.Members.Add(new OrganisationMember { UserId = coordinator, Role = OrganisationRole.Admin, JoinedAt = created.CreatedAt });
            db.Organisations.Add(created);
            await db.SaveChangesAsync();
            office = created.Id;
        }

        var year = now.Year;
        var lastYear = new DateOnly(year - 1, 1, 1);
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);

        var federal = new Fund
        {
            Name = "Menschen stärken Menschen", Source = FundSource.Federal, Programme = "Bundesprogramm „Menschen stärken Menschen“",
            AmountCents = 40_000_00, StartsOn = lastYear, EndsOn = yearEnd, EligibleLines = CostLines.All, CoFinancingPercent = 0, ProofDueMonths = 3,
            Note = "Patenschaften und Begleitung für Geflüchtete; Honorare nur für Koordination.", CreatedAt = now.AddDays(-420),
        };
        var municipal = new Fund
        {
            Name = $"Integrationsfonds der Stadt {town.Name}", Source = FundSource.MunicipalBudget, Programme = null,
            AmountCents = 25_000_00, StartsOn = lastYear, EndsOn = yearEnd,
            EligibleLines = CostLines.Material | CostLines.Travel | CostLines.Fees | CostLines.Rent | CostLines.FoodAndDrink,
            CoFinancingPercent = 0, ProofDueMonths = 6, CountsVolunteerHours = true,
            Note = "Ehrenamtliche Stunden zählen als Eigenleistung zum Stundensatz der Stadt.", CreatedAt = now.AddDays(-400),
        };
        var foundation = new Fund
        {
            Name = $"Bürgerstiftung {town.Name}", Source = FundSource.Foundation, Programme = "Zusammenhalt vor Ort",
            AmountCents = 10_000_00, StartsOn = yearStart, EndsOn = yearEnd,
            EligibleLines = CostLines.Material | CostLines.Rent | CostLines.FoodAndDrink | CostLines.Other,
            CoFinancingPercent = 10, ProofDueMonths = 2, Note = "Kleine Projekte der Nachbarschaft; 10 % Eigenanteil, auch als Sachleistung.",
            CreatedAt = now.AddDays(-90),
        };
        db.Funds.AddRange(federal, municipal, foundation);
        await db.SaveChangesAsync();

        var initiative = organisations.FirstOrDefault(o => o.Type == OrganisationType.Initiative);
        var association = organisations.FirstOrDefault(o => o.Type == OrganisationType.Association);
        var education = organisations.FirstOrDefault(o => o.Type == OrganisationType.CourseProvider);
        var welfare = organisations.FirstOrDefault(o => o.Type == OrganisationType.WelfareProvider);

        // Nobody reviews an application of their own organisation: the reviewer is whichever office account is not in it.
        string ReviewerFor(List<string> members) => members.Contains(coordinator) ? admin : coordinator;

        var threshold = await db.Tenants.Where(t => t.Id == db.CurrentTenantId).Select(t => t.OwnResponsibilityBudgetCents).SingleAsync();
        var budgets = new List<ProjectBudget>();

        ProjectBudget Project(int organisationId, List<string> members, Fund fund, string title, string description, string goals, string goalArea,
            string effectGoal, string targetGroup, Influence influence, DateOnly startsOn, DateOnly endsOn, int appliedDaysAgo,
            ProjectBudgetStatus status, string? decisionNote, params (CostLines Line, long Requested, long Approved, string Description)[] lines)
        {
            var approved = status is ProjectBudgetStatus.Approved or ProjectBudgetStatus.Closed;
            var granted = approved ? lines.Sum(l => l.Approved) : 0;
            var budget = new ProjectBudget
            {
                OrganisationId = organisationId, FundId = fund.Id, Title = title, Description = description, Goals = goals, GoalArea = goalArea,
                EffectGoal = effectGoal, TargetGroup = targetGroup, Influence = influence, StartsOn = startsOn, EndsOn = endsOn,
                RequestedCents = lines.Sum(l => l.Requested), GrantedCents = granted, Status = status,
                OwnResponsibility = approved && granted <= threshold,
                DecisionNote = decisionNote, AppliedByUserId = members[0], AppliedAt = now.AddDays(-appliedDaysAgo),
                ReviewedByUserId = status == ProjectBudgetStatus.Submitted ? null : ReviewerFor(members),
                ReviewedAt = status == ProjectBudgetStatus.Submitted ? null : now.AddDays(-appliedDaysAgo + 9),
                Lines = lines.Select(l => new BudgetPlanLine
                {
                    Line = l.Line, RequestedCents = l.Requested, ApprovedCents = approved ? l.Approved : 0, Description = l.Description,
                }).ToList(),
            };
            if (approved)
            {
                fund.AllocatedCents += granted;
            }

            budgets.Add(budget);
            return budget;
        }

        if (initiative is not null)
        {
            Project(initiative.Id, initiative.Members, municipal, "Sprachcafé und Lernpatenschaften",
                "Jeden Dienstag und Donnerstag öffnet das Sprachcafé im Stadtteiltreff. Ehrenamtliche Lernpatinnen und -paten üben mit Geflüchteten Deutsch für Alltag, Ämter und Arbeit.",
                "Mindestens 40 Teilnehmende im Jahr üben regelmäßig; 15 Lernpatenschaften laufen mindestens drei Monate.",
                "Sprache und Bildung", "Geflüchtete verständigen sich im Alltag selbstständig auf Deutsch", "Geflüchtete Erwachsene mit Sprachniveau A1–B1",
                Influence.High, yearStart.AddMonths(1), yearEnd, 120, ProjectBudgetStatus.Approved,
                "Bitte führen Sie eine Teilnahmeliste (ohne Namen, nur Anzahl je Termin).",
                (CostLines.Material, 1_200_00, 1_000_00, "Lehrbücher, Wörterbücher, Kopien"),
                (CostLines.Rent, 2_400_00, 2_400_00, "Raummiete Stadtteiltreff, 2 Abende je Woche"),
                (CostLines.FoodAndDrink, 1_800_00, 1_400_00, "Tee, Kaffee und Gebäck"));
            Project(initiative.Id, initiative.Members, foundation, "Begegnungsfest im Stadtteil",
                "Ein Sommerfest für Nachbarinnen und Nachbarn, alteingesessen und neu zugezogen: Musik, Essen aus vielen Ländern, Spiele für Kinder.",
                "Nachbarschaften lernen sich kennen; neue Ehrenamtliche finden zur Initiative.",
                "Teilhabe im Alltag", "Neu Zugezogene knüpfen Kontakte in der Nachbarschaft", "Familien im Stadtteil",
                Influence.Medium, yearStart.AddMonths(5), yearStart.AddMonths(7), 100, ProjectBudgetStatus.Approved, null,
                (CostLines.FoodAndDrink, 300_00, 300_00, "Zutaten für das gemeinsame Buffet"),
                (CostLines.Material, 150_00, 150_00, "Spiele, Bastelmaterial, Dekoration"));
        }

        if (welfare is not null)
        {
            Project(welfare.Id, welfare.Members, federal, "Mietpatenschaften",
                "Ehrenamtliche Mietpatinnen und -paten begleiten Geflüchtete bei der Wohnungssuche, bei Besichtigungen und in den ersten Monaten im Mietverhältnis.",
                "20 Haushalte finden eine eigene Wohnung; kein Mietverhältnis endet im ersten Jahr durch Kündigung.",
                "Wohnen", "Geflüchtete wohnen dauerhaft in eigenen Wohnungen", "Geflüchtete Haushalte in Gemeinschaftsunterkünften",
                Influence.Medium, yearStart.AddMonths(2), yearEnd, 150, ProjectBudgetStatus.Approved,
                "Honorare nur für die Koordination der Patenschaften, nicht für die Begleitung selbst.",
                (CostLines.Fees, 6_000_00, 6_000_00, "Koordination der Patenschaften (Honorar)"),
                (CostLines.Travel, 1_000_00, 1_000_00, "Fahrten zu Besichtigungen"),
                (CostLines.Material, 1_500_00, 1_500_00, "Schulungsunterlagen für Patinnen und Paten"));
        }

        if (education is not null)
        {
            Project(education.Id, education.Members, municipal, "Deutschkurs-Begleitung mit Kinderbetreuung",
                "Während der Integrationskurse betreuen Ehrenamtliche die Kinder der Teilnehmenden; Lernbegleiterinnen helfen bei Hausaufgaben und Prüfungsvorbereitung.",
                "Eltern kleiner Kinder schließen den Integrationskurs ab; die Prüfungsquote steigt.",
                "Sprache und Bildung", "Eltern kleiner Kinder erreichen das Sprachniveau B1", "Eltern mit Kindern unter sechs Jahren",
                Influence.Medium, new DateOnly(year - 1, 3, 1), new DateOnly(year - 1, 11, 30), 400, ProjectBudgetStatus.Approved, null,
                (CostLines.Fees, 7_000_00, 6_500_00, "Pädagogische Fachkraft, 4 Stunden je Woche"),
                (CostLines.Material, 2_500_00, 2_500_00, "Spielzeug, Lernmaterial"),
                (CostLines.Rent, 3_000_00, 3_000_00, "Betreuungsraum"));
            Project(education.Id, education.Members, municipal, "Laptop-Ausstattung für die Kursräume",
                "Zwölf Laptops für die Deutschkurse, damit Teilnehmende den digitalen Teil der Prüfung üben können.",
                "Alle Teilnehmenden üben den digitalen Prüfungsteil vor der Prüfung.",
                "Sprache und Bildung", "Teilnehmende bestehen den digitalen Prüfungsteil", "Teilnehmende der Integrationskurse",
                Influence.Low, yearStart.AddMonths(3), yearEnd, 80, ProjectBudgetStatus.Rejected,
                "Geräte über 800 € fördert der Integrationsfonds nicht. Bitte wenden Sie sich an das Digitalprogramm des Landes.",
                (CostLines.Material, 9_600_00, 0, "12 Laptops zu je 800 €"));
        }

        if (association is not null)
        {
            Project(association.Id, association.Members, federal, "Offene Fahrradwerkstatt für alle",
                "Zweimal im Monat reparieren Ehrenamtliche gemeinsam mit Geflüchteten gespendete Räder; wer mitschraubt, lernt es selbst.",
                "30 Räder im Jahr gehen an Menschen ohne Auto; zehn Teilnehmende reparieren ihr Rad danach selbst.",
                "Teilhabe im Alltag", "Geflüchtete sind im Alltag mobil", "Geflüchtete ohne Auto, besonders Jugendliche",
                Influence.High, yearStart.AddMonths(4), yearEnd, 6, ProjectBudgetStatus.Submitted, null,
                (CostLines.Material, 2_000_00, 0, "Ersatzteile, Werkzeug"),
                (CostLines.Rent, 900_00, 0, "Werkstattraum"),
                (CostLines.FoodAndDrink, 300_00, 0, "Getränke an Werkstatttagen"));
        }

        var officeMembers = await db.OrganisationMembers.Where(m => m.OrganisationId == office).Select(m => m.UserId).ToListAsync();
        Project(office.Value, officeMembers.Count > 0 ? officeMembers : [coordinator], municipal, "Ehrenamtsfest und Dankeschön-Abend",
            "Einmal im Jahr dankt die Stadt allen Ehrenamtlichen mit einem Fest: Ehrungen, Musik, Essen.",
            "Ehrenamtliche fühlen sich anerkannt und bleiben dabei.",
            "Teilhabe im Alltag", "Ehrenamtliche bleiben langfristig engagiert", "Ehrenamtliche der Stadt",
            Influence.Low, yearStart.AddMonths(8), yearStart.AddMonths(10), 60, ProjectBudgetStatus.Approved, null,
            (CostLines.FoodAndDrink, 1_000_00, 1_000_00, "Buffet"),
            (CostLines.Rent, 500_00, 500_00, "Saalmiete"));

        db.ProjectBudgets.AddRange(budgets);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
