using System.Globalization;
using AngleSharp.Html.Parser;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Marketplace.Tests.Unit.Localization;

public sealed class BidiTests
{
    private const string Fsi = "\u2068";
    private const string Pdi = "\u2069";

    private static LocalizedString Template(string value) => new("Key", value);

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    private static AngleSharp.Dom.IElement Parse(IHtmlContent content) =>
        new HtmlParser().ParseDocument("<p>" + Html(content) + "</p>").QuerySelector("p")!;

    [Fact]
    public void Format_PutsANameInBdi_AndKeepsTheSentenceAround()
    {
        var p = Parse(Bidi.Format(Template("mit {0}!"), "أمل"));

        Assert.Equal("mit أمل!", p.TextContent);
        Assert.Equal("أمل", Assert.Single(p.QuerySelectorAll("bdi")).TextContent);
    }

    [Fact]
    public void Format_AScriptInAName_StaysText()
    {
        var p = Parse(Bidi.Format(Template("Hallo <{0}> & {1}"), "<script>alert(1)</script>", "\"x\""));

        Assert.Empty(p.QuerySelectorAll("script"));
        Assert.Equal("Hallo <<script>alert(1)</script>> & \"x\"", p.TextContent);
        Assert.Equal(["<script>alert(1)</script>", "\"x\""], p.QuerySelectorAll("bdi").Select(b => b.TextContent));
    }

    [Fact]
    public void Format_EscapedBracesInTheTemplate_AndBracesInAName_AreWrittenAsBraces()
    {
        var p = Parse(Bidi.Format(Template("{{Hinweis}} {0}"), "{1} {{x}}"));

        Assert.Equal("{Hinweis} {1} {{x}}", p.TextContent);
        Assert.Equal("{1} {{x}}", p.QuerySelector("bdi")!.TextContent);
    }

    [Fact]
    public void Format_NumbersAndDates_AreFormattedByTheCulture_WithoutBdi()
    {
        using var _ = CultureScope.Use("de");
        var p = Parse(Bidi.Format(Template("{0} Stunden am {1:d}, {2:0.0}"), 1234, new DateOnly(2026, 3, 1), 1.5m));

        Assert.Equal("1234 Stunden am 01.03.2026, 1,5", p.TextContent);
        Assert.Empty(p.QuerySelectorAll("bdi"));
    }

    [Fact]
    public void Format_NullAndEmptyArguments_WriteNothing()
    {
        var p = Parse(Bidi.Format(Template("[{0}] [{1}] {2}"), null, "", "x"));

        Assert.Equal("[] [] x", p.TextContent);
        Assert.Single(p.QuerySelectorAll("bdi"));
    }

    [Fact]
    public void Format_ATranslatedArgument_IsNotIsolated()
    {
        var p = Parse(Bidi.Format(Template("{0} als {1}"), "Verein Ünal", new LocalizedString("Role", "Admin")));

        Assert.Equal("Verein Ünal als Admin", p.TextContent);
        Assert.Equal("Verein Ünal", Assert.Single(p.QuerySelectorAll("bdi")).TextContent);
    }

    [Fact]
    public void Text_PutsFsiAndPdiAroundStrings_Only()
    {
        using var _ = CultureScope.Use("en");

        Assert.Equal($"Reply to {Fsi}مساعدة{Pdi} (3)", Bidi.Text(Template("Reply to {0} ({1})"), "مساعدة", 3));
        Assert.Equal("nothing: ", Bidi.Text(Template("nothing: {0}"), [null]));
    }

    [Fact]
    public void Join_PutsEachNameInItsOwnBdi_Encoded_SkippingEmptyOnes()
    {
        var p = Parse(Bidi.Join(", ", ["الحي الشرقي", "", "Anger <b>"]));

        Assert.Equal("الحي الشرقي, Anger <b>", p.TextContent);
        Assert.Equal(["الحي الشرقي", "Anger <b>"], p.QuerySelectorAll("bdi").Select(b => b.TextContent));
    }

    [Fact]
    public void Isolate_WrapsText_AndLeavesNullEmpty()
    {
        Assert.Equal(Fsi + "Ein Titel" + Pdi, Bidi.Isolate("Ein Titel"));
        Assert.Equal("", Bidi.Isolate(null));
    }

    [Fact]
    public void Html_TurnsIsolatesIntoBdi_Encoded_AndBalanced()
    {
        var p = Parse(Bidi.Html($"Antwort zu {Fsi}<b>x</b>{Pdi}{Pdi} und {Fsi}offen"));

        Assert.Null(p.QuerySelector("b"));
        Assert.Equal(["<b>x</b>", "offen"], p.QuerySelectorAll("bdi").Select(b => b.TextContent));
        Assert.Equal("Antwort zu <b>x</b> und offen", p.TextContent);
    }

    [Fact]
    public void IsolatingLocalizer_IsolatesEveryStringArgument()
    {
        var l = new IsolatingLocalizer(new FixedLocalizer("{0}: Antwort zu „{1}“"));

        Assert.Equal($"{Fsi}Erlangen{Pdi}: Antwort zu „{Fsi}سلام{Pdi}“", l["Subject", "Erlangen", "سلام"].Value);
    }

    private sealed class FixedLocalizer(string value) : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, value);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.CurrentCulture, value, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
