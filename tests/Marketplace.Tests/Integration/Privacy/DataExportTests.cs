using System.IO.Compression;
using System.Net;
using System.Text;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Privacy;

/// <summary>"Download my data": one archive of everything linked to the account in all its towns, built by a job, for its owner only, for seven days.</summary>
[Trait("Category", "Database")]
public sealed class DataExportTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    [Fact]
    public async Task AJobBuildsOneZipOfAllMyTowns_TheMailSaysItIsReady_AndNothingOfOtherPeopleIsInside()
    {
        var member = await app.NewMemberAsync("erlangen", "dx", phone: "0151 2345678");
        await app.JoinAsync("potsdam", member);
        var respondent = await app.NewMemberAsync("erlangen", "dr");
        var stranger = await app.NewMemberAsync("erlangen", "ds");
        var strangersFriend = await app.NewMemberAsync("erlangen", "df");
        var workbench = await app.CreateListingAsync("erlangen", member, title: "Werkbank zu verschenken");
        var photo = TestPhotos.Jpeg(320, 240);
        await app.AddPhotoAsync("erlangen", workbench, photo);
        await app.CreateListingAsync("potsdam", member, ListingType.Request, "Suche Leiterwagen in Potsdam");
        await app.ConversationAsync("erlangen", workbench, respondent,
            (respondent, "Ich hole die Werkbank am Montag ab."), (member, "Gern, ab 17 Uhr bin ich da."));
        var strangersListing = await app.CreateListingAsync("erlangen", stranger, title: "Geheimes Sofa");
        var strangerPhoto = TestPhotos.Jpeg(200, 100);
        await app.AddPhotoAsync("erlangen", strangersListing, strangerPhoto);
        await app.ConversationAsync("erlangen", strangersListing, strangersFriend, (strangersFriend, "Nur unter uns: Schlüssel liegt unter der Matte."));
        var client = await app.SignedInAsync("erlangen", member);

        var requested = await client.SubmitAsync("/me/account/export", "[data-testid=export-request-form]");

        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var pending = await client.GetPageAsync("/me/account/export");
        Assert.NotNull(pending.QuerySelector("[data-testid=export-pending]"));
        Assert.Null(pending.QuerySelector("[data-testid=export-download]"));

        await app.BuildExportsOfAsync(member);

        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(member), m => m.TextBody?.Contains("/me/account/export") == true);
        Assert.Equal("/me/account/export", new Uri(Accounts.LinkIn(mail, "/me/account/export")).AbsolutePath);
        var ready = await client.GetPageAsync("/me/account/export");
        var href = ready.QuerySelector("[data-testid=export-download]")!.GetAttribute("href")!;
        var download = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);

        var files = Unzip(await download.Content.ReadAsByteArrayAsync());
        var json = Encoding.UTF8.GetString(files["data.json"]);
        var html = Encoding.UTF8.GetString(files["index.html"]);
        foreach (var expected in new[] { "Ich hole die Werkbank am Montag ab.", "Gern, ab 17 Uhr bin ich da.", "Werkbank zu verschenken",
                     "Suche Leiterwagen in Potsdam", MessagesTestData.EmailOf(member), "0151 2345678" })
        {
            Assert.Contains(expected, json);
            Assert.Contains(expected, html);
        }

        Assert.Contains(files, f => f.Key.StartsWith("photos/", StringComparison.Ordinal) && f.Value.SequenceEqual(photo));
        Assert.DoesNotContain(files, f => f.Value.SequenceEqual(strangerPhoto));
        foreach (var text in files.Values.Select(Encoding.UTF8.GetString))
        {
            Assert.DoesNotContain("Nur unter uns", text);
            Assert.DoesNotContain("Geheimes Sofa", text);
            Assert.DoesNotContain(MessagesTestData.EmailOf(respondent), text);
            Assert.DoesNotContain(stranger, text);
        }
    }

    [Fact]
    public async Task ASecondRequestWhileOneIsBeingMade_IsRefusedWithAMessage_AndOnlyOneArchiveIsMade()
    {
        var member = await app.NewMemberAsync("erlangen", "dp");
        var client = await app.SignedInAsync("erlangen", member);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/me/account/export", "[data-testid=export-request-form]")).StatusCode);

        var page = await client.GetPageAsync("/me/account/export");
        Assert.Null(page.QuerySelector("[data-testid=export-request-form]"));
        var again = await client.PostAsync("/me/account/export", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await client.TokenAsync("/me/account/export"),
        }));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.NotNull((await Html.ParseAsync(again)).QuerySelector("[data-testid=export-pending]"));
        var userId = await app.UserIdAsync(member);
        Assert.Equal(1, await app.InTownAsync(null, db => db.DataExports.CountAsync(e => e.UserId == userId)));
    }

    [Fact]
    public async Task TheArchive_IsForItsOwnerOnly_AndIsGoneAfterSevenDays()
    {
        var member = await app.NewMemberAsync("erlangen", "do");
        var other = await app.NewMemberAsync("erlangen", "dn");
        var client = await app.SignedInAsync("erlangen", member);
        await client.SubmitAsync("/me/account/export", "[data-testid=export-request-form]");
        await app.BuildExportsOfAsync(member);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me/account/export?handler=Download")).StatusCode);

        var otherClient = await app.SignedInAsync("erlangen", other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync("/me/account/export?handler=Download")).StatusCode);
        var anonymous = app.TownClient("erlangen");
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/me/account/export?handler=Download")).StatusCode);

        var userId = await app.UserIdAsync(member);
        var expiresAt = await app.InTownAsync(null, db => db.DataExports.Where(e => e.UserId == userId).Select(e => e.ExpiresAt).SingleAsync());
        Assert.InRange(expiresAt!.Value, DateTimeOffset.UtcNow.AddDays(6.9), DateTimeOffset.UtcNow.AddDays(7.1));
        await app.InTownAsync(null, db => db.DataExports.Where(e => e.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/me/account/export?handler=Download")).StatusCode);
        Assert.Null((await client.GetPageAsync("/me/account/export")).QuerySelector("[data-testid=export-download]"));
        await app.RunPrivacyFanOutAsync();
        Assert.Equal(0, await app.InTownAsync(null, db => db.DataExports.CountAsync(e => e.UserId == userId)));
    }
}
