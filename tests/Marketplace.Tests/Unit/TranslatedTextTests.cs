using Marketplace.Web.Domain;

namespace Marketplace.Tests.Unit;

/// <summary>A text per language with German required and the fallback, e.g. a category's name.</summary>
public sealed class TranslatedTextTests
{
    private static readonly TranslatedText Housing = TranslatedText.InGerman("Wohnen").With("en", "Housing").With("uk", "Житло");

    [Theory]
    [InlineData("de", "Wohnen")]
    [InlineData("en", "Housing")]
    [InlineData("uk", "Житло")]
    [InlineData("EN", "Housing")]
    [InlineData("en-GB", "Housing")]
    [InlineData("ar", "Wohnen")]
    [InlineData("fa-IR", "Wohnen")]
    [InlineData("", "Wohnen")]
    [InlineData(null, "Wohnen")]
    public void In_GivesTheLanguagesText_ElseGerman(string? culture, string expected) => Assert.Equal(expected, Housing.In(culture));

    [Fact]
    public void From_TrimsTexts_AndLeavesBlankOnesOut()
    {
        var text = TranslatedText.From([new("en", "  Rides "), new("ar", "   "), new("fa", null), new("de", " Fahrdienste")]);

        Assert.Equal(["de", "en"], text.Keys);
        Assert.Equal("Fahrdienste", text["de"]);
        Assert.Equal("Rides", text.In("en"));
        Assert.False(text.ContainsKey("ar"));
        Assert.Equal("Fahrdienste", text.In("ar"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void WithoutGerman_ThereIsNoText(string? german)
    {
        Assert.Throws<ArgumentException>(() => TranslatedText.From([new("en", "Housing"), new("de", german)]));
        Assert.Throws<ArgumentException>(() => TranslatedText.From([new("en", "Housing")]));
        Assert.Throws<ArgumentException>(() => Housing.With("de", german));
    }

    [Fact]
    public void With_AddsReplacesAndRemoves_AndLeavesTheOriginalAlone()
    {
        var more = Housing.With("ar", "السكن").With("en", "Living").With("uk", " ");

        Assert.Equal("السكن", more.In("ar"));
        Assert.Equal("Living", more.In("en"));
        Assert.False(more.ContainsKey("uk"));
        Assert.Equal(["de", "en", "uk"], Housing.Keys);
        Assert.Equal("Housing", Housing["en"]);
    }

    [Fact]
    public void AnotherLanguage_IsOneMoreEntry()
    {
        var text = TranslatedText.From([new("de", "Sprache"), new("tr", "Dil")]);

        Assert.Equal("Dil", text.In("tr"));
        Assert.Equal(2, text.Count);
    }

    [Fact]
    public void Equal_WhenTheSameTextsInAnyOrder()
    {
        var other = TranslatedText.From([new("uk", "Житло"), new("en", "Housing"), new("de", "Wohnen")]);

        Assert.True(Housing.Equals(other));
        Assert.Equal(Housing.GetHashCode(), other.GetHashCode());
        Assert.False(Housing.Equals(other.With("en", "Living")));
        Assert.False(Housing.Equals(other.With("ar", "السكن")));
        Assert.False(Housing.Equals(null));
    }

    [Fact]
    public void Category_IsNamedInTheReadersLanguage_ElseGerman()
    {
        var category = new Category { Key = "wohnen", Names = Housing };

        Assert.Equal("Housing", category.NameIn("en"));
        Assert.Equal("Wohnen", category.NameIn("fa"));
    }
}
