using Marketplace.Web.Listings;
using Microsoft.Data.Sqlite;

namespace Marketplace.Tests.Unit;

/// <summary>
/// Search reads Arabic and Persian text as one spelling, whichever keyboard wrote it and whether vowel marks were written,
/// in C# and in SQLite's SQL alike (PostgreSQL's is checked in <see cref="SearchQueryTests"/>).
/// </summary>
public sealed class ArabicScriptFoldTests
{
    [Theory]
    [InlineData("كمك", "کمک")] // Arabic kaf and yeh as typed on an Arabic keyboard, Persian on a Persian one
    [InlineData("في", "فی")]
    [InlineData("على", "علی")] // alef maksura
    [InlineData("مُساعَدة", "مساعده")] // tashkeel; teh marbuta
    [InlineData("مساعدة", "مساعده")]
    [InlineData("كـــمك", "کمک")] // tatweel
    [InlineData("أحمد إبراهيم آمنة ٱلله", "احمد ابراهیم امنه الله")]
    [InlineData("هٰذا", "هذا")] // superscript alef
    [InlineData("مسؤول سائق", "مسوول سایق")]
    [InlineData("خانۀ", "خانه")]
    [InlineData("١٢٣ ۴۵۶", "123 456")]
    [InlineData("ء", "ء")] // a standalone hamza stays a letter
    public void ArabicScript_ReadsAsOneSpelling(string text, string folded) =>
        Assert.Equal(SearchText.Fold(folded), SearchText.Fold(text));

    [Fact]
    public void ABaseLetterWithACombiningHamza_ReadsAsThePrecomposedLetter() =>
        Assert.Equal(SearchText.Fold("\u0623\u0624\u0626"), SearchText.Fold("\u0627\u0654\u0648\u0654\u064A\u0654"));

    [Fact]
    public void VowelMarks_DoNotSeparateWords()
    {
        Assert.Equal(["مساعده", "للاطفال"], SearchText.Words("مُساعَدةٌ لِلأَطْفالِ"));
        Assert.Equal(["مساعده"], SearchQuery.Parse("مُساعَدة")!.Required.Select(t => t.Text));
        Assert.Equal(["کمک", "28"], SearchQuery.Parse("كَمَك ۲۸")!.Required.Select(t => t.Text));
    }

    [Fact]
    public void ATitleWithTashkeel_HasTheBareWords()
    {
        Assert.True(new SearchTerm("مساعده").IsIn("مُساعَدة في التسوق"));
        Assert.True(new SearchTerm("فی").IsIn("مُساعَدة في التسوق"));
        Assert.False(new SearchTerm("سوق").IsIn("مساعدة للأطفال"));
    }

    [Theory]
    [InlineData("مُساعَدة")]
    [InlineData("كمك في التسوق، على الطريق")]
    [InlineData("أحمد إبراهيم آمنة ٱلله هٰذا مسؤول سائق خانۀ")]
    [InlineData("كـــمك ١٢٣ ۴۵۶")]
    [InlineData("Fahrrad und كمك")]
    public void TheSqliteFold_ReadsArabicScriptAsTheSearchDoes(string text)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var sql = $"SELECT {SearchText.SqliteFold("Text")} FROM (SELECT $text AS Text)";
        command.CommandText = sql;
        command.Parameters.AddWithValue("$text", text);
        Assert.Equal(SearchText.Fold(text), ((string)command.ExecuteScalar()!).ToLowerInvariant());
    }

    [Fact]
    public void TheSqliteFold_CoversTheWholeList() =>
        Assert.Equal(SearchText.ArabicScript.Count, SearchText.SqliteFold("x").Split("replace(").Length - 1);
}
