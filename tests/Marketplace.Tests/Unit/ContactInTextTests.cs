using Marketplace.Web.Domain;

namespace Marketplace.Tests.Unit;

public sealed class ContactInTextTests
{
    [Theory]
    [InlineData("Schreib an anna.muster@example.org")]
    [InlineData("Mail: info@verein-erlangen.de.")]
    [InlineData("kontakt (at) tafel-erlangen.de")]
    [InlineData("kontakt[at]tafel-erlangen.de")]
    public void EmailAddresses_AreFound(string text) => Assert.Equal(ContactKinds.Email, ContactInText.Find(text));

    [Theory]
    [InlineData("Bitte anrufen: 0151 23456789")]
    [InlineData("Tel. 09131/123456")]
    [InlineData("+49 151 23456789")]
    [InlineData("+49 (0) 9131 86-2000")]
    [InlineData("0049 30 1234567")]
    [InlineData("(09131) 12 34 56 ab 18 Uhr")]
    [InlineData("0176-123 456 78")]
    [InlineData("Telefon 86 20 00")]
    [InlineData("WhatsApp: 017612345678")]
    public void GermanPhoneNumbers_AreFound(string text) => Assert.Equal(ContactKinds.Phone, ContactInText.Find(text));

    [Theory]
    [InlineData("Abholung in der Musterstraße 12")]
    [InlineData("Hauptstr. 5")]
    [InlineData("Nürnberger Straße 112a, Hinterhaus")]
    [InlineData("Am Anger: Lindenweg 3")]
    [InlineData("Schlossplatz 1")]
    [InlineData("Musterstrasse 7 b")]
    public void StreetAddresses_AreFound(string text) => Assert.Equal(ContactKinds.StreetAddress, ContactInText.Find(text));

    [Theory]
    [InlineData("Kinderfahrrad, 20 Zoll, gut erhalten, 2 Jahre alt.")]
    [InlineData("Abholung am 01.12.2026 zwischen 10:00 und 12:00 Uhr.")]
    [InlineData("Preis: 0,50 € pro Stück, 3 Zimmer, 65 m², 612,50 € warm.")]
    [InlineData("Treffpunkt: vor dem Rathaus am Marktplatz.")]
    [InlineData("Wir sind 2026 umgezogen und haben 1000 Bücher.")]
    [InlineData("PLZ 91052 Erlangen, Stadtteil Bruck")]
    [InlineData("Die Straße ist ruhig, wir wohnen im 2. Stock.")]
    [InlineData("Hilfe für @alle im Viertel")]
    [InlineData("")]
    [InlineData(null)]
    public void OrdinaryText_IsNotFlagged(string? text) => Assert.Equal(ContactKinds.None, ContactInText.Find(text));

    [Fact]
    public void SeveralKinds_AreAllReported()
    {
        var found = ContactInText.Find("Hauptstr. 5, Tel. 0911 123456, mail@example.org");

        Assert.Equal(ContactKinds.Email | ContactKinds.Phone | ContactKinds.StreetAddress, found);
    }
}
