using System.Globalization;
using Marketplace.Web.Localization;
using Marketplace.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests.Unit;

/// <summary>The kept localizer answers as the framework's does: per language, formatted in the reader's culture, a missing name as itself.</summary>
public sealed class KeptStringLocalizerTests
{
    private static readonly IStringLocalizerFactory Factory =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    private static T In<T>(string culture, Func<T> read)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = Cultures.Get(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
        }
    }

    [Fact]
    public void EachLanguage_GetsItsOwnText_AsTheFrameworkGivesIt_AfterAnotherLanguageWasKept()
    {
        var kept = new KeptStringLocalizer<SharedResource>(Factory);
        var framework = Factory.Create(typeof(SharedResource));

        foreach (var culture in new[] { "de", "ar", "uk", "de", "ar" })
        {
            Assert.Equal(In(culture, () => framework["Nav_Listings"].Value), In(culture, () => kept["Nav_Listings"].Value));
            Assert.Equal(In(culture, () => framework["Coordination_Title"].Value), In(culture, () => kept["Coordination_Title"].Value));
        }

        Assert.NotEqual(In("de", () => kept["Nav_Listings"].Value), In("ar", () => kept["Nav_Listings"].Value));
    }

    [Fact]
    public void Arguments_AreFormattedInTheReadersCulture_AndAMissingNameComesBackAsItself()
    {
        var kept = new KeptStringLocalizer<SharedResource>(Factory);
        var framework = Factory.Create(typeof(SharedResource));
        var day = new DateOnly(2026, 11, 30);

        foreach (var culture in new[] { "de", "en", "fa" })
        {
            Assert.Equal(In(culture, () => framework["GapDesk_WeekLabel", 49, 2026, day.ToString("d"), day.AddDays(6).ToString("d")].Value),
                In(culture, () => kept["GapDesk_WeekLabel", 49, 2026, day.ToString("d"), day.AddDays(6).ToString("d")].Value));
            Assert.Equal(In(culture, () => framework["GapDesk_CellRequests", 1234.5m].Value), In(culture, () => kept["GapDesk_CellRequests", 1234.5m].Value));
        }

        var missing = kept["No_Such_Text"];
        Assert.True(missing.ResourceNotFound);
        Assert.Equal("No_Such_Text", missing.Value);
        Assert.Equal("No_Such_Text 7", kept["No_Such_Text {0}", 7].Value);
    }
}
