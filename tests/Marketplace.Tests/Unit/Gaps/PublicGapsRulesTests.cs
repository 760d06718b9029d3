using Marketplace.Web.Gaps;

namespace Marketplace.Tests.Unit.Gaps;

/// <summary>Small-cell suppression and the ISO weeks of the public gap page and its downloads.</summary>
public sealed class PublicGapsRulesTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, null)]
    [InlineData(2, null)]
    [InlineData(3, 3)]
    [InlineData(40, 40)]
    public void Shown_SuppressesOneAndTwo(int count, int? shown) => Assert.Equal(shown, PublicGaps.Shown(count));

    [Theory]
    [InlineData("2026-W49", "2026-11-30")]
    [InlineData("2026-W01", "2025-12-29")]
    [InlineData("2020-W53", "2020-12-28")]
    [InlineData("2026-w9", "2026-02-23")]
    public void ParseIsoWeek_GivesTheMonday(string week, string monday) =>
        Assert.Equal(DateOnly.Parse(monday), PublicGaps.ParseIsoWeek(week));

    [Theory]
    [InlineData("2026-W54")]
    [InlineData("2026-W00")]
    [InlineData("2026-12-01")]
    [InlineData("W49")]
    [InlineData("")]
    public void ParseIsoWeek_RefusesWhatIsNoWeek(string text) => Assert.Null(PublicGaps.ParseIsoWeek(text));

    [Fact]
    public void IsoWeek_OfAMonday_RoundTrips()
    {
        Assert.Equal("2026-W49", PublicGaps.IsoWeek(new DateOnly(2026, 11, 30)));
        Assert.Equal("2026-W01", PublicGaps.IsoWeek(new DateOnly(2025, 12, 29)));
    }
}
