using System.Text.RegularExpressions;

namespace Marketplace.Tests.Unit;

/// <summary>Every text a reader sees comes from the resource files, so it exists in every interface language.</summary>
public sealed partial class LiteralTextTests
{
    private static readonly string WebRoot = RepositoryPaths.WebProject;

    [Fact]
    public void PagesFragmentsAndMails_WriteNoLiteralText()
    {
        var found = SourceFiles("*.cshtml").Concat(SourceFiles("*.razor"))
            .SelectMany(f => RazorLiteralScanner.Find(File.ReadAllText(f)).Select(l => $"{Relative(f)}:{l.Line}: {l.Text}"))
            .ToList();

        Assert.True(found.Count == 0, "Literal text instead of a resource lookup:\n" + string.Join("\n", found));
    }

    [Fact]
    public void CSharp_GivesNoLiteralTextToTheReader()
    {
        var found = SourceFiles("*.cs")
            .SelectMany(f => LiteralUserText(File.ReadAllText(f)).Select(t => $"{Relative(f)}: {t}"))
            .ToList();

        Assert.True(found.Count == 0, "Literal text instead of a resource lookup:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("<p>Hallo</p>", "Hallo")]
    [InlineData("<h1>@L[\"Title\"]</h1>\n<p>Noch keine Einträge.</p>", "Noch keine Einträge.")]
    [InlineData("<p>@count Einträge</p>", "Einträge")]
    [InlineData("<button type=\"submit\" data-testid=\"save\">Speichern</button>", "Speichern")]
    [InlineData("<img src=\"/a.png\" alt=\"Ein Foto\">", "Ein Foto")]
    [InlineData("<input type=\"search\" name=\"q\" placeholder=\"Suche …\">", "Suche …")]
    [InlineData("<a href=\"/x\" aria-label=\"Schließen\">×</a>", "Schließen")]
    [InlineData("<span title='Mehr dazu'>@L[\"A\"]</span>", "Mehr dazu")]
    [InlineData("<input type=\"submit\" value=\"Senden\">", "Senden")]
    [InlineData("@if (Model.Open)\n{\n    <p class=\"notice\">Offen</p>\n}\nelse if (x)\n{\n    <p>@L[\"A\"]</p>\n}", "Offen")]
    [InlineData("@foreach (var row in Model.Rows)\n{\n    var name = row.Name;\n    <li>@name</li>\n    @:und mehr\n}", "und mehr")]
    [InlineData("@{ var x = 1; }\n<p>Weiter</p>", "Weiter")]
    [InlineData("<td>@(row.Amount) Euro</td>", "Euro")]
    public void Scanner_FindsLiteralText(string razor, string expected) =>
        Assert.Equal([expected], RazorLiteralScanner.Find(razor).Select(l => l.Text));

    [Theory]
    [InlineData("@* Ein Kommentar mit Text *@\n<p>@L[\"A\"]</p>")]
    [InlineData("@{\n    // Eine Notiz\n    var text = \"Hallo Welt\";\n    ViewData[\"Title\"] = L[\"A\"];\n}")]
    [InlineData("@model Marketplace.Web.Pages.IndexModel\n@using System.Globalization\n@inject IStringLocalizer<SharedResource> L")]
    [InlineData("<script>let text = 'Hallo';</script><style>p::after { content: 'Text'; }</style><!-- Eine Notiz -->")]
    [InlineData("<a href=\"/listings?q=Fahrrad\" class=\"button primary\" data-testid=\"listing-link\" hx-target=\"#list\" lang=\"de\" dir=\"auto\">@L[\"A\"]</a>")]
    [InlineData("<button type=\"submit\" name=\"culture\" value=\"de\">@name</button>")]
    [InlineData("<p>@L[\"Price\", $\"{amount} {(free ? \"gratis\" : \"Euro\")}\"]</p>")]
    [InlineData("<p>@Model.Title.ToUpper() · @(Model.Count > 1 ? L[\"Many\"] : L[\"One\"])</p>")]
    [InlineData("<p>@await Html.PartialAsync(\"_Card\", row)</p>")]
    [InlineData("<time datetime=\"@at.ToString(\"O\")\">@at.ToString(\"d MMMM\")</time>&nbsp;→ EUR")]
    [InlineData("@switch (kind)\n{\n    case Kind.A:\n        <p>@L[\"A\"]</p>\n        break;\n    default:\n        <p>@L[\"B\"]</p>\n        break;\n}")]
    [InlineData("<p>@foreach (var c in codes) { <span lang=\"@c\">@c</span> }</p>")]
    [InlineData("<p>@L[\"A\"]</p>\n@code {\n    [Parameter] public string Title { get; set; } = \"Kein Titel\";\n}")]
    [InlineData("<title>@ViewData[\"Title\"] – Marketplace</title>")]
    [InlineData("<input type=\"url\" placeholder=\"https://\">")]
    [InlineData("<span>@User.Identity!.Name</span> @foreach (var section in sections) { <h2>@section.Heading</h2> }")]
    [InlineData("<!DOCTYPE html>\n<html lang=\"@culture\"><head><meta charset=\"utf-8\" /></head></html>")]
    public void Scanner_IgnoresWhatIsNotLiteralText(string razor) => Assert.Empty(RazorLiteralScanner.Find(razor));

    [Fact]
    public void Scanner_NamesTheLine()
    {
        var found = Assert.Single(RazorLiteralScanner.Find("@{\n    var a = 1;\n}\n<h1>@L[\"A\"]</h1>\n<p>\n    Nichts gefunden\n</p>"));
        Assert.Equal(new LiteralText(6, "Nichts gefunden"), found);
    }

    [Theory]
    [InlineData("ModelState.AddModelError(\"Input.Code\", \"Der Code ist unbekannt.\");", "Der Code ist unbekannt.")]
    [InlineData("ModelState.AddModelError(string.Empty, $\"Höchstens {Max} Zeichen\");", "Höchstens {Max} Zeichen")]
    [InlineData("return Content(\"Gespeichert\");", "Gespeichert")]
    [InlineData("TempData[HtmxResults.StatusKey] = \"Gespeichert.\";", "Gespeichert.")]
    [InlineData("[Required(ErrorMessage = \"Bitte ausfüllen\")]", "Bitte ausfüllen")]
    public void CSharpScan_FindsLiteralText(string csharp, string expected) =>
        Assert.Equal([expected], LiteralUserText(csharp));

    [Theory]
    [InlineData("ModelState.AddModelError(\"Input.Code\", l[\"Claim_Unknown\"]);")]
    [InlineData("TempData[HtmxResults.StatusKey] = l[\"Claim_Done\"].Value;")]
    [InlineData("return Content(html, \"text/html; charset=utf-8\");")]
    [InlineData("return Content($\"{count}\");")]
    [InlineData("[Required(ErrorMessage = \"Validation_Required\")]")]
    public void CSharpScan_IgnoresLookups(string csharp) => Assert.Empty(LiteralUserText(csharp));

    /// <summary>Texts handed to the reader by the usual C# routes: validation errors, status messages, plain content.</summary>
    private static IEnumerable<string> LiteralUserText(string csharp) =>
        UserTextLiteral().Matches(csharp)
            .Select(m => m.Groups["text"].Value)
            .Where(t => !ResourceKey().IsMatch(t) && Letter().IsMatch(InterpolationHole().Replace(t, "")));

    private static IEnumerable<string> SourceFiles(string pattern) =>
        Directory.EnumerateFiles(WebRoot, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path);

    [GeneratedRegex("""(?:AddModelError\([^;]*?,\s*|\bContent\(\s*|TempData\[[^\]]+\]\s*=\s*|ErrorMessage\s*=\s*)\$?@?"(?<text>(?:[^"\\]|\\.)*)"(?!\s*,\s*"\w+/)""")]
    private static partial Regex UserTextLiteral();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*_[A-Za-z0-9_]+$")]
    private static partial Regex ResourceKey();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex InterpolationHole();

    [GeneratedRegex(@"\p{L}")]
    private static partial Regex Letter();
}
