using System.Text.RegularExpressions;

namespace Marketplace.Tests.Unit.Look;

/// <summary>
/// Our own stylesheets lay out the same for left-to-right and right-to-left pages only if they name sides logically
/// (inline-start/end, block-start/end); KERN's physical properties are mirrored by its generated twin, ours are not.
/// </summary>
public sealed partial class SiteCssTests
{
    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(
        @"(?<![\w-])(?:(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right|top|bottom)(?:-(?:width|style|color))?|border-(?:top|bottom)-(?:left|right)-radius|left|right|top|bottom)\s*:"
        + @"|(?<![\w-])(?:float|clear|text-align)\s*:\s*(?:left|right)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex PhysicalProperty();

    public static TheoryData<string> Stylesheets()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "wwwroot", "css"), "*.css").Order())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Stylesheets))]
    public void SiteStylesheet_UsesLogicalProperties_Only(string file)
    {
        var css = Comment().Replace(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "wwwroot", "css", file)), "");

        var physical = css.Split('\n')
            .Select((line, index) => (Line: index + 1, Text: line.Trim()))
            .Where(line => PhysicalProperty().IsMatch(line.Text))
            .Select(line => $"{file}:{line.Line}: {line.Text}")
            .ToList();

        Assert.Empty(physical);
    }

    [Fact]
    public void Scan_FindsPhysicalProperties()
    {
        Assert.Matches(PhysicalProperty(), ".a { margin-left: 1rem }");
        Assert.Matches(PhysicalProperty(), ".a{left:0}");
        Assert.Matches(PhysicalProperty(), ".a { text-align: right; }");
        Assert.Matches(PhysicalProperty(), ".a { border-top-left-radius: 2px }");
        Assert.DoesNotMatch(PhysicalProperty(), ".a { margin-inline-start: 1rem; inset-inline-end: 0; text-align: start; float: inline-end }");
        Assert.DoesNotMatch(PhysicalProperty(), ".a:hover { color: red } @page { margin: 2cm }");
    }
}
