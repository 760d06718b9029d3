using System.Text.RegularExpressions;
using Marketplace.Web.Domain;

namespace Marketplace.Tests.Unit;

/// <summary>A reader of any of the five languages sees every default category, top level and sub-category, in it.</summary>
public sealed partial class DefaultCategoryNamesTests
{
    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    [InlineData("ar")]
    [InlineData("fa")]
    [InlineData("uk")]
    public void EveryDefaultCategory_HasItsOwnName_InEveryLanguage(string language)
    {
        var names = DefaultCategories.Names.ToList();

        Assert.Equal(DefaultCategories.Count, names.Count);
        Assert.Empty(names.Where(c => !c.Names.TryGetValue(language, out var name) || string.IsNullOrWhiteSpace(name)).Select(c => c.Key));
        // Two categories of the same name would be one choice in the category list.
        Assert.Empty(names.GroupBy(c => c.Names[language]).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void PersianNames_UsePersianYeAndKeheh_ArabicNamesTheArabicLetters()
    {
        var names = DefaultCategories.Names.Select(c => c.Names).ToList();

        Assert.All(names, n => Assert.DoesNotMatch(ArabicYehOrKaf(), n["fa"]));
        Assert.All(names, n => Assert.DoesNotMatch(PersianYehOrKeheh(), n["ar"]));
    }

    [GeneratedRegex("[\u064A\u0643]")]
    private static partial Regex ArabicYehOrKaf();

    [GeneratedRegex("[\u06CC\u06A9]")]
    private static partial Regex PersianYehOrKeheh();
}
