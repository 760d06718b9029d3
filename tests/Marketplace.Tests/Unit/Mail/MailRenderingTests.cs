using System.Runtime.CompilerServices;
using AngleSharp.Html.Parser;
using Marketplace.Web.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marketplace.Tests.Unit.Mail;

public sealed class MailRenderingTests
{
    private static async Task<OutgoingMail> RenderAsync(MailContent content, MailBranding branding)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var renderer = new MailRenderer(services.GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance);
        return await renderer.RenderAsync("a@example.org", "test", content, branding);
    }

    private static readonly MailContent Sample = new MailContent("Betreff", "Hallo Amal,", ["Ein <b>neues</b> Angebot."])
    {
        Action = new MailLink("Ansehen", "https://erlangen.example/listings/1?a=1&b=2"),
        Sections = [new MailSection("Neue Angebote", [new MailItem("Fahrrad", "https://erlangen.example/listings/2", "Mobilität · Innenstadt",
            new MailLink("Wir können helfen", "https://erlangen.example/messages/start/2"))])],
        Footer = ["Von Erlangen."],
        Unsubscribe = new MailLink("Abbestellen", "https://erlangen.example/unsubscribe/x"),
    };

    [Fact]
    public async Task Html_CarriesTownNameColourAndLinks_AndEscapesText()
    {
        var mail = await RenderAsync(Sample, MailRenderer.Branding("Erlangen", "#aa3300", "de"));
        var document = new HtmlParser().ParseDocument(mail.HtmlBody);

        Assert.Equal("Erlangen", document.QuerySelector("[data-part=town]")!.TextContent.Trim());
        Assert.Contains("#aa3300", document.QuerySelector("[data-part=town]")!.GetAttribute("style"));
        Assert.Equal("https://erlangen.example/listings/1?a=1&b=2", document.QuerySelector("[data-part=action]")!.GetAttribute("href"));
        Assert.Equal("https://erlangen.example/messages/start/2", document.QuerySelector("[data-part=reply]")!.GetAttribute("href"));
        Assert.Equal("https://erlangen.example/unsubscribe/x", document.QuerySelector("[data-part=unsubscribe]")!.GetAttribute("href"));
        Assert.Null(document.QuerySelector("b"));
        Assert.Contains("Ein <b>neues</b> Angebot.", document.Body!.TextContent);
        Assert.Equal("ltr", document.DocumentElement.GetAttribute("dir"));
        Assert.Equal("https://erlangen.example/unsubscribe/x", mail.UnsubscribeUrl);
    }

    [Fact]
    public async Task Text_HasTheSameWordsAndEveryLink()
    {
        var mail = await RenderAsync(Sample, MailRenderer.Branding("Erlangen", "#aa3300", "de"));

        foreach (var expected in new[] { "Hallo Amal,", "Ein <b>neues</b> Angebot.", "Ansehen", "https://erlangen.example/listings/1?a=1&b=2",
                     "Fahrrad", "Mobilität · Innenstadt", "https://erlangen.example/messages/start/2", "Abbestellen: https://erlangen.example/unsubscribe/x" })
        {
            Assert.Contains(expected, mail.TextBody);
        }
    }

    [Fact]
    public async Task UserText_IsIsolated_WithBdiAndDirAutoInHtml_AndFsiPdiInText()
    {
        var content = Sample with { Quote = "مرحبا!\nSamstag?", Paragraphs = ["Antwort zu \u2068<b>Fahrrad</b>\u2069."] };
        var mail = await RenderAsync(content, MailRenderer.Branding("Erlangen", "#aa3300", "ar"));
        var document = new HtmlParser().ParseDocument(mail.HtmlBody);

        Assert.Equal("<b>Fahrrad</b>", document.QuerySelector("p bdi")!.TextContent);
        Assert.Equal("auto", document.QuerySelector("blockquote")!.GetAttribute("dir"));
        Assert.Equal("auto", document.QuerySelector("[data-part=item] a")!.GetAttribute("dir"));
        Assert.Contains("\u2068مرحبا!\u2069\n\u2068Samstag?\u2069", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("* \u2068Fahrrad\u2069", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arabic_IsRightToLeft()
    {
        var mail = await RenderAsync(Sample, MailRenderer.Branding("Erlangen", "#aa3300", "ar"));
        Assert.Equal("rtl", new HtmlParser().ParseDocument(mail.HtmlBody).DocumentElement.GetAttribute("dir"));
    }

    [Fact]
    public async Task TheAppsOneRenderer_KeepsNothingOfAMailItRendered()
    {
        // The renderer lives as long as the app; a digest run renders thousands of mails through it.
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var renderer = new MailRenderer(services.GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance);

        var rendered = await RenderForgettingTheContentAsync(renderer);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(rendered.IsAlive, "The renderer still holds the content of a mail it has rendered.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> RenderForgettingTheContentAsync(MailRenderer renderer)
    {
        var content = Sample with { Paragraphs = ["Nur für diese eine Mail."] };
        await renderer.RenderAsync("a@example.org", "test", content, MailRenderer.Branding("Erlangen", "#aa3300", "de"));
        return new WeakReference(content);
    }

    [Fact]
    public void FromBody_TurnsTheLinkParagraphIntoTheAction_AndKeepsTheOrder()
    {
        var content = MailContent.FromBody("S", "Hallo A,\n\nBitte bestätigen:\n\nhttps://x.example/c?code=1\n\nSonst ignorieren.", "https://x.example/c?code=1", "Bestätigen");

        Assert.Equal("Hallo A,", content.Greeting);
        Assert.Equal(["Bitte bestätigen:"], content.Paragraphs);
        Assert.Equal(new MailLink("Bestätigen", "https://x.example/c?code=1"), content.Action);
        Assert.Equal(["Sonst ignorieren."], content.AfterAction);
    }
}
