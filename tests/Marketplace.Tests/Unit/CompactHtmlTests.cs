using Marketplace.Web.Infrastructure;

namespace Marketplace.Tests.Unit;

/// <summary>A kept office table is sent without Razor's indentation, and reads the same: words never run together.</summary>
public sealed class CompactHtmlTests
{
    [Fact]
    public void Indentation_AfterALineBreak_Goes_AndTheLineBreakStays()
    {
        var html = "<tr>\n        <td>Kurs A</td>\r\n\n    <td>\n        Koordinierungsstelle   </td>\n</tr>";

        Assert.Equal("<tr>\n<td>Kurs A</td>\n<td>\nKoordinierungsstelle   </td>\n</tr>", CompactHtmlTagHelper.Compact(html));
    }

    [Fact]
    public void Spaces_WithinALine_AreKept()
    {
        const string html = "<td>21 / 30</td> <span class=\"muted\">Mindestzahl 8 erreicht</span>";

        Assert.Equal(html, CompactHtmlTagHelper.Compact(html));
    }
}
