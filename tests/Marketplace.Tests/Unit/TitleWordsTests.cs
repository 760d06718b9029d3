using Marketplace.Web.Data;
using Marketplace.Web.Listings;

namespace Marketplace.Tests.Unit;

public sealed class TitleWordsTests
{
    private static bool TitleHasAll(string title, string words) =>
        SearchQuery.Parse(words) is { } query && query.Required.All(t => TitleWords.Have(title, t.Text));

    [Theory]
    [InlineData("Zimmer in Bruck frei", "zimmer")]
    [InlineData("Zimmer in Bruck frei", "Zim bru")]
    [InlineData("Zimmer in Bruck frei", "immer")]
    [InlineData("Begleitung zum Bürgeramt", "burgeramt")]
    [InlineData("Begleitung zum Buergeramt", "Buerger")]
    [InlineData("Wohnung für Familie (3 Zimmer)", "3 zimmer")]
    [InlineData("Damenfahrrad 28 Zoll", "Fahrräder 28")]
    [InlineData("Deutsch-Kurs am Abend", "deutschkurs")]
    [InlineData("غرفة للإيجار", "غرفة")]
    [InlineData("Допомога в районі", "район")]
    public void EveryWordOccursInTheTitle_Matches(string title, string words) =>
        Assert.True(TitleHasAll(title, words));

    [Theory]
    [InlineData("Zimmer in Bruck frei", "zimmer Ginsterweg")]
    [InlineData("Zimmer in Bruck frei", "im")]
    [InlineData("Damenfahrrad 28 Zoll", "8")]
    [InlineData("", "zimmer")]
    public void AWordThatIsNotInTheTitle_DoesNotMatch(string title, string words) =>
        Assert.False(TitleHasAll(title, words));

    [Fact]
    public void NoTitleOrNoTerm_DoesNotMatch()
    {
        Assert.False(TitleWords.Have(null, "zimmer"));
        Assert.False(TitleWords.Have("Zimmer", ""));
    }
}
