using System.Xml.Linq;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;

namespace Marketplace.Tests.Unit;

/// <summary>The pages' own marks (place, checks, verified) are shipped with the site, apart from the category pictograms.</summary>
public sealed class InterfaceIconTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static List<string> SpriteSymbols(string file) =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "wwwroot", "icons", file))
            .Descendants(Svg + "symbol").Select(s => (string)s.Attribute("id")!).ToList();

    [Fact]
    public void TheNamesThePagesUse_AreExactlyTheInterfaceSpritesSymbols() =>
        Assert.Equal(SpriteSymbols("interface.svg").Order(), InterfaceIcons.All.Order());

    [Fact]
    public void NoInterfaceMark_IsOfferedAsACategoryPictogram() =>
        Assert.Empty(InterfaceIcons.All.Intersect(CategoryIcons.All));
}
