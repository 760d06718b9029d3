using System.Globalization;
using System.Resources;
using Marketplace.Web.Resources;

namespace Marketplace.Tests.Integration.Platform;

/// <summary>
/// The office's sub-navigation, written once per language and role and kept (Pages/Coordination/OfficeNavTagHelper):
/// every desk in the reader's language, the audit log only for a town admin, and no language or role leaking into
/// another's copy.
/// </summary>
[Trait("Category", "Database")]
public sealed class OfficeNavTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private static readonly ResourceManager Texts = new("Marketplace.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static readonly (string Path, string Key)[] Desks =
    [
        ("/coordination", "Coordination_Dashboard"), ("/coordination/requests", "Queue_Title"),
        ("/coordination/volunteers", "Volunteers_Title"), ("/coordination/gaps", "Coordination_Gaps"),
        ("/coordination/courses", "Coordination_Courses"), ("/coordination/budgets", "Coordination_Budgets"),
        ("/coordination/hours", "Coordination_Hours"), ("/coordination/effects", "Coordination_Effects"),
        ("/coordination/inquiries", "Coordination_Inquiries"), ("/coordination/intake", "Coordination_Intake"),
        ("/coordination/moderation", "Coordination_Moderation"),
    ];

    private static string Text(string key, string culture) => Texts.GetString(key, CultureInfo.GetCultureInfo(culture))!;

    [Fact]
    public async Task EveryDesk_InTheReadersLanguage_AndTheAuditLogOnlyForTheTownAdmin()
    {
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");
        var admin = await app.SignedInAsync("erlangen", "erlangen-admin");

        // German, Arabic, German again, each role in turn: a kept copy must serve only its own language and role.
        foreach (var culture in new[] { "de", "ar", "de" })
        {
            foreach (var (client, townAdmin) in new[] { (coordinator, false), (admin, true), (coordinator, false) })
            {
                var page = await client.GetPageAsync($"/coordination/gaps?culture={culture}");

                var nav = page.QuerySelector("nav.sub-nav")!;
                Assert.Equal(Text("Coordination_Title", culture), nav.GetAttribute("aria-label"));
                var expected = Desks.Select(d => (d.Path, Text(d.Key, culture))).ToList();
                if (townAdmin)
                {
                    expected.Add(("/coordination/audit", Text("Coordination_Audit", culture)));
                }

                Assert.Equal(expected, nav.QuerySelectorAll("a").Select(a => (a.GetAttribute("href")!, a.TextContent)).ToList());
                Assert.Equal(townAdmin, page.QuerySelector("[data-testid=coordination-nav-audit]") is not null);
            }
        }
    }
}
