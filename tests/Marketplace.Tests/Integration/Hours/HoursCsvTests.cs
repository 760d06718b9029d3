using Marketplace.Web.Hours;

namespace Marketplace.Tests.Integration.Hours;

/// <summary>The CSV cells a spreadsheet would otherwise run as formulas, and the texts every hours status needs.</summary>
public sealed class HoursCsvTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+49 170", "'+49 170")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("Tafel", "Tafel")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("sagt \"hallo\"", "\"sagt \"\"hallo\"\"\"")]
    [InlineData("", "")]
    public void Cell_DefusesFormulas_AndQuotesWhatWouldSplitTheRow(string value, string cell) => Assert.Equal(cell, HoursCsv.Cell(value));

    [Fact]
    public void Numbers_UseTheDecimalComma_WithoutThousandsSeparator() => Assert.Equal("121800,00", HoursCsv.Number(121_800m));

    [Fact]
    public void EveryHoursStatus_HasItsText()
    {
        var resx = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryPaths.WebProject, "Resources", "SharedResource.resx"));
        var keys = resx.Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();
        Assert.All(Enum.GetNames<Marketplace.Web.Domain.HoursStatus>(), name => Assert.Contains("HoursStatus_" + name, keys));
    }
}
