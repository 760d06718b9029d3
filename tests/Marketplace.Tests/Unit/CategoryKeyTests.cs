using Marketplace.Web.Pages.Coordination.Categories;

namespace Marketplace.Tests.Unit;

public sealed class CategoryKeyTests
{
    [Theory]
    [InlineData("Gärten & Grünflächen", "gaerten-gruenflaechen")]
    [InlineData("Straßenfest", "strassenfest")]
    [InlineData("  Café für Ältere  ", "cafe-fuer-aeltere")]
    [InlineData("Übersetzen (Arabisch)", "uebersetzen-arabisch")]
    [InlineData("Sprachcafé", "sprachcafe")]
    [InlineData("!!!", "kategorie")]
    [InlineData("Ёлка", "kategorie")]
    public void Slug_IsLowerCaseAscii(string name, string expected) => Assert.Equal(expected, CategoryKeys.Slug(name));

    [Fact]
    public void Slug_IsAtMost60Characters_AndEndsWithoutDash()
    {
        var slug = CategoryKeys.Slug(string.Join(" ", Enumerable.Repeat("Nachbarschaftshilfe", 10)));

        Assert.True(slug.Length <= 55);
        Assert.False(slug.EndsWith('-'));
    }

    [Fact]
    public void Unique_AddsTheFirstFreeNumber()
    {
        Assert.Equal("sport", CategoryKeys.Unique("sport", new HashSet<string> { "kultur" }));
        Assert.Equal("sport-3", CategoryKeys.Unique("sport", new HashSet<string> { "sport", "sport-2" }));
    }
}
