using System.Xml.Linq;
using Marketplace.Web.Domain;

namespace Marketplace.Tests.Unit;

/// <summary>Every category's pictogram is shipped with the site, so no reader sees an empty box.</summary>
public sealed class CategoryIconTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static HashSet<string> SpriteSymbols() =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "wwwroot", "icons", "categories.svg"))
            .Descendants(Svg + "symbol").Select(s => (string)s.Attribute("id")!).ToHashSet();

    [Fact]
    public void EveryDefaultCategoryIcon_IsDrawnByTheShippedSprite()
    {
        var symbols = SpriteSymbols();

        var categories = DefaultCategories.Build();

        Assert.Equal(DefaultCategories.Count, categories.Count);
        Assert.All(categories, c => Assert.Contains(c.Icon, symbols));
    }

    [Fact]
    public void TheNamesACoordinatorMayChoose_AreExactlyTheSpritesSymbols_AndFitTheColumn()
    {
        Assert.Equal(SpriteSymbols().Order(), CategoryIcons.All.Order());
        Assert.All(CategoryIcons.All, name => Assert.InRange(name.Length, 1, CategoryIcons.MaxLength));
        Assert.Contains(CategoryIcons.Generic, CategoryIcons.All);
    }

    [Fact]
    public void TheSpriteAndItsLicence_AreShippedTogether() =>
        Assert.Contains("MIT License", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "wwwroot", "icons", "LICENSE")));

    [Theory]
    [InlineData("bike", "bike")]
    [InlineData("🚲", CategoryIcons.Generic)]
    [InlineData("", CategoryIcons.Generic)]
    [InlineData(null, CategoryIcons.Generic)]
    public void AnIconOutsideTheSet_IsDrawnAsTheGenericOne(string? stored, string drawn) =>
        Assert.Equal(drawn, CategoryIcons.OrGeneric(stored));
}
