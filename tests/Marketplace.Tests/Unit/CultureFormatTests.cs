using Marketplace.Web.Localization;

namespace Marketplace.Tests.Unit;

/// <summary>Dates as a reader of each language writes a Gregorian date: the day before the month (Persian short dates year first), the weekday first.</summary>
public sealed class CultureFormatTests
{
    private static readonly DateTime Monday = new(2026, 12, 7, 14, 30, 0);

    [Theory]
    [InlineData("de", "Montag, 7. Dezember 2026", "07.12.2026")]
    [InlineData("en", "Monday, 7 December 2026", "07/12/2026")]
    [InlineData("fa", "دوشنبه 7 دسامبر 2026", "2026/12/7")]
    [InlineData("uk", "понеділок, 7 грудня 2026 р.", "07.12.2026")]
    public void LongAndShortDates_ReadAsTheLanguageWritesThem(string culture, string longDate, string shortDate)
    {
        // ICU keeps some parts together with no-break spaces ("2026 р."); a reader sees spaces.
        Assert.Equal(longDate, Monday.ToString("D", Cultures.Get(culture)).Replace('\u00A0', ' ').Replace('\u202F', ' '));
        Assert.Equal(shortDate, Monday.ToString("d", Cultures.Get(culture)));
    }

    [Fact]
    public void ArabicLongDate_IsGregorianWithTheWeekdayFirst() =>
        Assert.Equal("الاثنين، 7 ديسمبر 2026", Monday.ToString("D", Cultures.Get("ar")));
}
