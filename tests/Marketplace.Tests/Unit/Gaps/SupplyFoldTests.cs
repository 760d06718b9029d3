using Marketplace.Web.Domain;
using Marketplace.Web.Gaps;
using Marketplace.Web.Tenancy;

namespace Marketplace.Tests.Unit.Gaps;

public sealed class SupplyFoldTests
{
    private static readonly TimeZoneInfo Berlin = TownClock.ZoneOf("Europe/Berlin");

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), Berlin);

    [Theory]
    [InlineData(2026, 3, 29)]
    [InlineData(2026, 10, 25)]
    public void FactsAtSundayNightAndMondayMorning_OnTheDaylightSavingWeekend_LandInDifferentWeeks(int year, int month, int sunday)
    {
        var late = Local(year, month, sunday, 23, 30);
        var early = Local(year, month, sunday + 1, 0, 30);
        var fold = new SupplyFold(Berlin, GapRules.DefaultWaitingDays, GapRules.DefaultIdleDays);
        fold.Start(TownClock.WeekStartOf(Berlin, late), [], []);

        fold.Apply(new SupplyFact { Id = 1, Event = SupplyEvent.Published, Side = ListingType.Offer, CategoryId = 1, DistrictId = 1, ListingKey = 1, At = late });
        fold.Apply(new SupplyFact { Id = 2, Event = SupplyEvent.Published, Side = ListingType.Offer, CategoryId = 1, DistrictId = 1, ListingKey = 2, At = early });
        var rows = fold.Finish(early.AddHours(1));

        var monday = new DateOnly(year, month, sunday + 1);
        Assert.Equal([monday.AddDays(-7), monday], rows.Select(r => r.WeekStart));
        Assert.Equal([1, 1], rows.Select(r => r.Published));
        Assert.Equal([1, 2], rows.Select(r => r.OpenAtWeekEnd));
    }

    [Fact]
    public void AnOfferIdleForTheTownsDays_IsStale_AContactMakesItFreshAgain()
    {
        var opened = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var offer = new OpenSupply { Side = ListingType.Offer, OpenedAt = opened, LastActivityAt = opened };

        Assert.False(SupplyFold.IsStale(offer, opened.AddDays(29), 7, 30));
        Assert.True(SupplyFold.IsStale(offer, opened.AddDays(30), 7, 30));
        offer.LastActivityAt = opened.AddDays(20);
        Assert.False(SupplyFold.IsStale(offer, opened.AddDays(30), 7, 30));
    }

    [Fact]
    public void ARequestWithAPendingProposalOrAMatch_IsNotWaiting()
    {
        var opened = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var request = new OpenSupply { Side = ListingType.Request, OpenedAt = opened, LastActivityAt = opened };

        Assert.True(SupplyFold.IsStale(request, opened.AddDays(8), 7, 30));
        request.PendingProposals = 1;
        Assert.False(SupplyFold.IsStale(request, opened.AddDays(8), 7, 30));
        request.PendingProposals = 0;
        request.Matched = true;
        Assert.False(SupplyFold.IsStale(request, opened.AddDays(8), 7, 30));
    }

    [Fact]
    public void VolunteerDayParts_WorkdaysAndWeekend()
    {
        var parts = VolunteerDayParts.Of(WeeklyAvailability.Bit(2, 1) | WeeklyAvailability.Bit(5, 0));

        Assert.Equal(new VolunteerDayParts(Mornings: false, Afternoons: true, Evenings: false, Weekends: true), parts);
    }
}
