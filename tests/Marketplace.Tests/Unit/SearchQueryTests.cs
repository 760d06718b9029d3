using Marketplace.Web.Listings;

namespace Marketplace.Tests.Unit;

public sealed class SearchQueryTests
{
    private static (string Required, string Excluded) Parse(string text) =>
        SearchQuery.Parse(text) is { } q ? (string.Join(" ", q.Required.Select(t => t.Text)), string.Join(" ", q.Excluded.Select(t => t.Text))) : ("", "");

    [Theory]
    [InlineData("Fahrräder", "fahrrad")]
    [InlineData("Fahrrad", "fahrrad")]
    [InlineData("DAMENFAHRRÄDER", "damenfahrrad")]
    [InlineData("Deutschkurse", "deutschkurs")]
    [InlineData("Kindern", "kind")]
    [InlineData("Haus", "haus")]
    [InlineData("Bücher", "buch")]
    [InlineData("Deutsch-Kurs", "deutschkur")]
    [InlineData("E-Bike", "ebik")]
    [InlineData("Ärztinnen", "arztinn")]
    [InlineData("28", "28")]
    [InlineData("кімнати", "кімнати")]
    public void AWord_IsFoldedAndLosesItsGermanEnding(string word, string term) =>
        Assert.Equal((term, ""), Parse(word));

    [Fact]
    public void AMinusBeforeAWord_ExcludesIt_OtherSyntaxOnlySeparatesWords()
    {
        Assert.Equal(("quagga", "diabet"), Parse("Quagga -Diabetes"));
        Assert.Equal(("quagga", "diab"), Parse("Quagga -\"Diab*\""));
        Assert.Equal(("quagga or diabet", ""), Parse("Quagga OR Diabetes"));
        Assert.Equal(("arabisch", ""), Parse("\"Arabisch\" * ( -"));
        Assert.Equal(("ses sel", ""), Parse("ses\0sel"));
        Assert.Null(SearchQuery.Parse(" - * \" "));
        Assert.Null(SearchQuery.Parse(null));
    }

    [Fact]
    public void AtMostTenWords_AndEachOnce()
    {
        var (required, excluded) = Parse(string.Join(" ", Enumerable.Range(0, 15).Select(i => $"wort{i}")) + " wort1 -wort2 -anderes");
        Assert.Equal(string.Join(" ", Enumerable.Range(0, 10).Select(i => $"wort{i}")), required);
        Assert.Equal("", excluded);
    }

    [Fact]
    public void ThePostgresFold_MapsTheSameLettersAsTheSearch()
    {
        var sql = SearchText.PostgresFold("x");
        Assert.StartsWith("translate(lower(x), '", sql);
        var lists = sql["translate(lower(x), '".Length..^2].Split("', '");
        for (var i = 0; i < lists[0].Length; i++)
        {
            // Characters beyond the second list are left out by translate, as Fold leaves them out.
            Assert.Equal(i < lists[1].Length ? lists[1][i].ToString() : "", SearchText.Fold(lists[0][i].ToString()));
        }

        Assert.Contains('ä', lists[0]);
        Assert.Contains('\u0643', lists[0]);
        Assert.Contains('-', lists[0][lists[1].Length..]);
        Assert.Contains('\u064E', lists[0][lists[1].Length..]);
    }
}
