using Marketplace.Web.Data;

namespace Marketplace.Tests.Unit;

public sealed class TitleWordsTests
{
    [Theory]
    [InlineData("Zimmer in Bruck frei", "zimmer")]
    [InlineData("Zimmer in Bruck frei", "Zim bru")]
    [InlineData("Begleitung zum Bürgeramt", "burgeramt")]
    [InlineData("Begleitung zum Buergeramt", "Buerger")]
    [InlineData("Wohnung für Familie (3 Zimmer)", "3 zimmer")]
    [InlineData("غرفة للإيجار", "غرفة")]
    public void EveryWordBeginsAWordOfTheTitle_Matches(string title, string words) =>
        Assert.True(TitleWords.BeginWith(title, words));

    [Theory]
    [InlineData("Zimmer in Bruck frei", "immer")]
    [InlineData("Zimmer in Bruck frei", "zimmer Ginsterweg")]
    [InlineData("Zimmer in Bruck frei", "")]
    [InlineData("", "zimmer")]
    public void AWordThatBeginsNoWordOfTheTitle_DoesNotMatch(string title, string words) =>
        Assert.False(TitleWords.BeginWith(title, words));
}
