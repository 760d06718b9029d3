using System.Globalization;
using System.Resources;
using AngleSharp.Html.Parser;
using Marketplace.Web.Resources;
using MimeKit;

namespace Marketplace.Tests.Integration.Platform;

/// <summary>
/// Mails reach a member in the language of their account, through the real outbox and SMTP server: right to left in
/// Arabic and Persian, with a subject and body in that language and a plain-text part beside the HTML.
/// </summary>
[Trait("Category", "Database")]
public sealed class TranslatedMailTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private static readonly ResourceManager Texts = new("Marketplace.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static bool InScript(string text, string culture) => culture switch
    {
        "ar" or "fa" => text.Any(c => c is >= '\u0600' and <= '\u06FF'),
        "uk" => text.Any(c => c is >= '\u0400' and <= '\u04FF'),
        _ => throw new ArgumentOutOfRangeException(nameof(culture)),
    };

    private static void AssertInLanguage(MimeMessage mail, string culture)
    {
        Assert.True(InScript(mail.Subject ?? "", culture), $"subject not in {culture}: {mail.Subject}");
        Assert.False(string.IsNullOrWhiteSpace(mail.TextBody), "no plain-text part");
        Assert.True(InScript(mail.TextBody!, culture), $"text part not in {culture}");
        var html = new HtmlParser().ParseDocument(mail.HtmlBody ?? "");
        Assert.Equal(culture, html.DocumentElement.GetAttribute("lang"));
        Assert.Equal(culture is "ar" or "fa" ? "rtl" : "ltr", html.DocumentElement.GetAttribute("dir"));
        Assert.True(InScript(html.Body!.TextContent, culture), $"HTML body not in {culture}");
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fa")]
    [InlineData("uk")]
    public async Task PasswordResetMail_IsInTheAccountsLanguage(string culture)
    {
        var member = await app.NewMemberAsync("erlangen", "reset" + culture, culture: culture);

        await app.TownClient("erlangen").SubmitAsync("/account/forgot-password", "[data-testid=forgot-form]",
            new Dictionary<string, string> { ["Input.Email"] = MessagesTestData.EmailOf(member) });

        AssertInLanguage(await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(member)), culture);
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fa")]
    public async Task NewMessageMail_IsInTheOwnersLanguage_AndNamesTheListing(string culture)
    {
        var owner = await app.NewMemberAsync("erlangen", "besitz" + culture, culture: culture);
        var asker = await app.NewMemberAsync("erlangen", "frage" + culture, culture: "de");
        var listing = await app.CreateListingAsync("erlangen", owner, title: "دراجة أطفال");

        await (await app.SignedInAsync("erlangen", asker)).StartConversationAsync(listing, "Hallo, ich kann am Samstag helfen.");

        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(owner));
        AssertInLanguage(mail, culture);
        Assert.Contains("دراجة أطفال", mail.TextBody);
    }

    [Fact]
    public void EveryMailText_IsTranslated_IntoEveryNewLanguage()
    {
        var german = Texts.GetResourceSet(CultureInfo.InvariantCulture, true, true)!.Cast<System.Collections.DictionaryEntry>()
            .Where(e => ((string)e.Key).Contains("Mail", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(german);
        foreach (var culture in new[] { "ar", "fa", "uk" })
        {
            var own = Texts.GetResourceSet(CultureInfo.GetCultureInfo(culture), true, false)!;
            var untranslated = german.Where(e => own.GetString((string)e.Key) is not { Length: > 0 } text || text == (string)e.Value!)
                .Select(e => (string)e.Key).Where(key => !key.StartsWith("DevMail", StringComparison.Ordinal)).ToList();
            Assert.True(untranslated.Count == 0, $"{culture}: " + string.Join(", ", untranslated));
        }
    }
}
