using Marketplace.Web.Localization;

namespace Marketplace.Tests.Unit;

public sealed class EuroAmountTests
{
    [Theory]
    [InlineData("612,50", "612.50")]
    [InlineData("612.50", "612.50")]
    [InlineData("612,5", "612.5")]
    [InlineData("612", "612")]
    [InlineData(" 612,50 € ", "612.50")]
    [InlineData("1.050,75", "1050.75")]
    [InlineData("1,050.75", "1050.75")]
    [InlineData("1.050", "1050")]
    [InlineData("10.000", "10000")]
    [InlineData("0", "0")]
    [InlineData("612,505", "612505")]
    public void Parses_GermanAndEnglishNotation(string text, string expected)
    {
        Assert.True(EuroAmount.TryParse(text, out var amount));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("6,12,50")]
    [InlineData("1.05.0")]
    [InlineData("1.050.75")]
    [InlineData("1,2.3")]
    [InlineData("12 34")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999999")]
    public void Refuses_WhatIsNoAmount(string text) => Assert.False(EuroAmount.TryParse(text, out _));
}
