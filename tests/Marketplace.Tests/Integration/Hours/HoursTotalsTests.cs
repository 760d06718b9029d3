using Marketplace.Web.Domain;
using Marketplace.Web.Hours;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Hours;

/// <summary>
/// The approved hours of the year and their value, on the dashboard and the hours desk: the database adds up the
/// minutes (on SQLite too), and the value is exact to the cent.
/// </summary>
[Trait("Category", "Database")]
public sealed class HoursTotalsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task ManyEntries_AreSummedByTheDatabase_ToTheMinute_AndValuedToTheCent()
    {
        var volunteer = await app.VolunteerAsync("koeln");
        var organisation = await app.OrganisationAsync("koeln", volunteer);
        var userId = await app.UserIdAsync(volunteer);
        var today = HoursSetup.TownToday();
        var firstDay = new DateOnly(today.Year, 1, 1);
        var daysSoFar = today.DayNumber - firstDay.DayNumber + 1;

        await app.InTownAsync("koeln", async db =>
        {
            (await db.Tenants.SingleAsync(t => t.Slug == "koeln")).HourlyRateCents = 17_35;
            VolunteerHours Entry(int minutes, HoursStatus status, DateOnly day) => new()
            {
                UserId = userId, OrganisationId = organisation, Minutes = minutes, Status = status, Activity = "Tafel", WorkedOn = day,
                CreatedAt = DateTimeOffset.UtcNow,
            };

            // 480 approved entries of a quarter of an hour to three hours (40 × 19,5 h = 780 h) and one more quarter hour.
            for (var i = 0; i < 480; i++)
            {
                db.VolunteerHours.Add(Entry(15 * (1 + i % 12), HoursStatus.Approved, firstDay.AddDays(i % daysSoFar)));
            }

            db.VolunteerHours.Add(Entry(15, HoursStatus.Approved, today));
            // None of these count: waiting, refused, last year.
            db.VolunteerHours.Add(Entry(600, HoursStatus.Pending, today));
            db.VolunteerHours.Add(Entry(600, HoursStatus.Rejected, today));
            db.VolunteerHours.Add(Entry(600, HoursStatus.Approved, firstDay.AddDays(-1)));
            return await db.SaveChangesAsync();
        });

        var total = await app.InTownAsync("koeln", db => HoursTotals.ApprovedAsync(db, firstDay, today));

        Assert.Equal(780 * 60 + 15, total.Minutes);
        Assert.Equal(17_35, total.HourlyRateCents);
        // 780,25 h × 17,35 € = 13.537,3375 €
        Assert.Equal(13_537_34, total.ValueCents);

        var office = await app.SignedInAsync("koeln", "koeln-koordination");
        var desk = await office.GetPageAsync("/coordination/hours");
        Assert.Equal("780,25", desk.TestId("hours-approved-total"));
        Assert.Equal("13.537,34 €", HoursSetup.Plain(desk.TestId("hours-value")));
        var dashboard = await office.GetPageAsync("/coordination");
        Assert.Equal($"780,25 freigegebene Stunden in {today.Year}", HoursSetup.Plain(dashboard.TestId("dashboard-hours-year")));
        Assert.Equal("Wert: 13.537,34 € (zu 17,35 € je Stunde)", HoursSetup.Plain(dashboard.TestId("dashboard-hours-value")));
    }
}
