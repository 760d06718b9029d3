using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Marketplace.Tests.Unit;

/// <summary>The German site, its pages and its mails address the reader as "Sie", never as "du" or "ihr".</summary>
public sealed partial class FormalGermanTests
{
    /// <summary>Mails take every word from here (their templates hold no text, LiteralTextTests), so this covers them too.</summary>
    [Fact]
    public void GermanResources_AddressTheReaderAsSie()
    {
        var values = XDocument.Load(Path.Combine(RepositoryPaths.WebProject, "Resources", "SharedResource.resx")).Root!
            .Elements("data").Select(d => (Where: d.Attribute("name")!.Value, Text: d.Element("value")!.Value));

        AssertFormal(values);
    }

    [Fact]
    public void GermanContent_AddressesTheReaderAsSie()
    {
        var content = Path.Combine(RepositoryPaths.Root, "content");
        var files = Directory.EnumerateFiles(Path.Combine(content, "de"), "*.md")
            .Concat(Directory.Exists(Path.Combine(content, "tenants"))
                ? Directory.EnumerateFiles(Path.Combine(content, "tenants"), "*.md", SearchOption.AllDirectories)
                    .Where(f => f.Contains($"{Path.DirectorySeparatorChar}de{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                : []);

        AssertFormal(files.SelectMany(f => File.ReadLines(f).Select((line, i) => (Where: $"{Path.GetRelativePath(RepositoryPaths.Root, f)}:{i + 1}", Text: line))));
    }

    [Theory]
    [InlineData("Melde dich an, um zu antworten.")]
    [InlineData("Du hast eine neue Nachricht.")]
    [InlineData("Hier kannst du dein Gesuch ändern.")]
    [InlineData("Wir schicken dir einen Link.")]
    [InlineData("Habt ihr Fragen? Schreibt uns.")]
    public void Check_FindsInformalAddress(string text) => Assert.Matches(Informal(), text);

    [Theory]
    [InlineData("Melden Sie sich an, um zu antworten.")]
    [InlineData("Ihr Konto ist gesperrt.")]
    [InlineData("Die Person hat ihr Ehrenamtsprofil pausiert.")]
    [InlineData("Koordinatorinnen öffnen ihre Seiten erst, wenn ihr Konto geschützt ist.")]
    public void Check_AcceptsFormalAddress(string text) => Assert.DoesNotMatch(Informal(), text);

    private static void AssertFormal(IEnumerable<(string Where, string Text)> texts)
    {
        var informal = texts.Where(t => Informal().IsMatch(t.Text)).Select(t => $"{t.Where}: {Informal().Match(t.Text).Value}").ToList();
        Assert.True(informal.Count == 0, "Informal address:\n" + string.Join("\n", informal));
    }

    /// <summary>
    /// Second person singular pronouns and verb forms, and plural "ihr" only where it is the subject before or after a verb
    /// of the second person plural ("habt ihr", "ihr könnt"): lower-case "ihr" is otherwise "her" or "their", which the
    /// formal texts need ("hat ihr Profil pausiert").
    /// </summary>
    [GeneratedRegex(@"\b(?:[Dd]u|[Dd]ich|[Dd]ir|[Dd]ein(?:e[mnrs]?)?|[Ee]uch|[Ee]uer|[Ee]ur(?:e[mnrs]?)?|kannst|hast|bist|willst|musst|sollst|darfst|wirst|möchtest|weißt|brauchst|findest|(?i:habt|seid|könnt|müsst|wollt|sollt|dürft|werdet) ihr|[Ii]hr (?:habt|seid|könnt|müsst|wollt|sollt|dürft|werdet))\b")]
    private static partial Regex Informal();
}
