using System.Globalization;
using System.Resources;
using Marketplace.Web.Budgets;
using Marketplace.Web.Domain;
using Marketplace.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

public static partial class DemoBudgets
{
    /// <summary>What the demo projects' values say, in the words an initiative would use.</summary>
    private static readonly string[] DemoNotes =
    [
        "Guter Start, die Gruppe hat sich schnell gefunden.",
        "In den Ferien kamen deutlich weniger Menschen.",
        "Zwei Ehrenamtliche sind ausgefallen, Termine mussten verschoben werden.",
        "Mundpropaganda wirkt: mehrere kamen auf Empfehlung.",
        "Neue Räume im Stadtteilzentrum, seitdem regelmäßiger.",
        "Die Wohnungssuche bleibt schwer, kaum freie Wohnungen im Stadtgebiet.",
    ];

    /// <summary>
    /// The demo town's indicators with values and what last year's effect report is made of: every approved or closed
    /// project gets the indicators of the starter set that fits its title (two or three), with a value and a note for each
    /// period of its time up to today. The first project's first indicator stays below half its target in its last two
    /// periods, so the shortfall notice has something to report.
    /// </summary>
    private static async Task SeedEffectsAsync(AppDbContext db, DemoData.Town town, DateTimeOffset now)
    {
        var projects = await db.ProjectBudgets
            .Where(b => b.Status == ProjectBudgetStatus.Approved || b.Status == ProjectBudgetStatus.Closed)
            .OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.Title, b.OrganisationId, b.StartsOn, b.EndsOn, b.TargetGroup, b.AppliedByUserId })
            .ToListAsync();
        if (projects.Count == 0 || await db.Indicators.AnyAsync())
        {
            return;
        }

        // The neutral (German) texts of the starter sets, as a German-speaking initiative would have copied them.
        var texts = new ResourceManager(typeof(SharedResource));
        string German(string key) => texts.GetString(key, CultureInfo.InvariantCulture) ?? key;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var shortfallShown = false;
        foreach (var (project, index) in projects.Select((p, i) => (p, i)))
        {
            var set = StarterSetFor(project.Title, index);
            var recorder = await db.OrganisationMembers.Where(m => m.OrganisationId == project.OrganisationId && m.Role == OrganisationRole.Admin)
                .OrderBy(m => m.Id).Select(m => m.UserId).FirstOrDefaultAsync() ?? project.AppliedByUserId;
            foreach (var (starter, position) in set.Indicators.Take(3).Select((s, i) => (s, i)))
            {
                var indicator = new Indicator
                {
                    ProjectBudgetId = project.Id, Step = starter.Step, Name = German(starter.NameKey), Definition = German(starter.DefinitionKey),
                    Unit = German(starter.UnitKey), Baseline = starter.Baseline, Target = starter.Target, HigherIsBetter = starter.HigherIsBetter,
                    Period = starter.Period, Influence = starter.Influence, TargetGroup = project.TargetGroup, StarterKey = set.StarterKeyOf(starter),
                    Source = "Anwesenheitslisten und Rückmeldungen der Ehrenamtlichen", CreatedAt = now,
                };
                var periods = IndicatorPeriods.Within(project.StartsOn, project.EndsOn, starter.Period)
                    .Where(start => IndicatorPeriods.EndOf(start, starter.Period) <= today).ToList();
                var fallsShort = !shortfallShown && periods.Count >= 2;
                shortfallShown |= fallsShort;
                foreach (var (start, number) in periods.Select((s, i) => (s, i)))
                {
                    // Rising towards the target, with one dip; the shortfall indicator stays at a third of it at the end.
                    var percent = fallsShort && number >= periods.Count - 2 ? 30 + number % 2 * 5 : Math.Min(110, 45 + number * 15 - (number == 2 ? 20 : 0) + position * 5);
                    indicator.Values.Add(new IndicatorValue
                    {
                        PeriodStart = start, PeriodEnd = IndicatorPeriods.EndOf(start, starter.Period), Value = starter.Target * percent / 100,
                        Note = DemoNotes[(index + position + number) % DemoNotes.Length], RecordedByUserId = recorder, RecordedAt = now,
                    });
                }

                db.Indicators.Add(indicator);
            }
        }

        await db.SaveChangesAsync();
    }

    private static StarterSet StarterSetFor(string title, int index)
    {
        var key = title.Contains("Sprach", StringComparison.OrdinalIgnoreCase) || title.Contains("Deutsch", StringComparison.OrdinalIgnoreCase) ? "LanguageCourses"
            : title.Contains("Begleit", StringComparison.OrdinalIgnoreCase) || title.Contains("Lotsen", StringComparison.OrdinalIgnoreCase) ? "Accompaniment"
            : title.Contains("Wohn", StringComparison.OrdinalIgnoreCase) ? "HousingHelp"
            : title.Contains("Freizeit", StringComparison.OrdinalIgnoreCase) || title.Contains("Café", StringComparison.OrdinalIgnoreCase) ? "Leisure"
            : null;
        return IndicatorStarterSets.Find(key) ?? IndicatorStarterSets.All[index % IndicatorStarterSets.All.Count];
    }
}
