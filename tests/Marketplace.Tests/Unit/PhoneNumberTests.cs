using Marketplace.Web.Domain;

namespace Marketplace.Tests.Unit;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("09131 862000", "09131 862000")]
    [InlineData("  +49 9131  86-2000 ", "+49 9131 86-2000")]
    [InlineData("+49 (9131) 86/2000", "+49 (9131) 86/2000")]
    [InlineData("0049.9131.862000", "0049.9131.862000")]
    [InlineData("+380 44 123 45 67", "+380 44 123 45 67")]
    [InlineData("(09131) 862000", "(09131) 862000")]
    public void AWrittenNumber_IsKept_WithItsSpacesTidied(string input, string expected)
    {
        Assert.True(PhoneNumber.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ruf mich an")]
    [InlineData("1234")]
    [InlineData("+49 9131 +862000")]
    [InlineData("49+ 9131 862000")]
    [InlineData("0912 3456 7890 1234 5678")]
    [InlineData("09131 862000 oder 0171 555")]
    [InlineData("09131 862000<script>")]
    public void NotANumber_IsRefused(string input)
    {
        Assert.False(PhoneNumber.TryNormalize(input, out _));
    }
}
