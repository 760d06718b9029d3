using System.IO.Compression;
using System.Text;
using Marketplace.Web.Data;
using Marketplace.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.BrowserTests;

[Trait("Category", "Browser")]
public sealed class PrivacyFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_new_member_downloads_their_data_as_a_zip_and_then_asks_for_their_account_to_be_deleted()
    {
        var member = await app.NewMemberAsync("erlangen", "gd");
        await app.CreateListingAsync("erlangen", member, title: "Nähmaschine zu verschenken");
        var page = await app.SignedInPageAsync("erlangen", member);

        await page.GotoAsync(app.TownUrl("erlangen", "/me/account/export"));
        await page.GetByTestId("export-request").ClickAsync();
        await Expect(page.GetByTestId("export-pending")).ToBeVisibleAsync();
        var userId = await app.UserIdAsync(member);
        var exportId = await app.InTownAsync(null, db => db.DataExports.Where(e => e.UserId == userId).Select(e => e.Id).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PrivacyJob>().BuildExportAsync(exportId);
        }

        await page.ReloadAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-download").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(file);
        try
        {
            using var archive = ZipFile.OpenRead(file);
            using var reader = new StreamReader(archive.GetEntry("data.json")!.Open(), Encoding.UTF8);
            Assert.Contains("Nähmaschine zu verschenken", await reader.ReadToEndAsync());
            Assert.NotNull(archive.GetEntry("index.html"));
        }
        finally
        {
            File.Delete(file);
        }

        await page.GotoAsync(app.TownUrl("erlangen", "/me/account/delete"));
        await page.GetByTestId("delete-password").FillAsync(DemoData.Password);
        await page.GetByTestId("delete-submit").ClickAsync();
        await Expect(page.GetByTestId("status-message")).ToBeVisibleAsync();

        var dueAt = await app.InTownAsync(null, db => db.AccountDeletions.Where(d => d.UserId == userId).Select(d => d.DueAt).SingleAsync());
        var date = TimeZoneInfo.ConvertTime(dueAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).ToString("d", new System.Globalization.CultureInfo("de"));
        await Expect(page.GetByTestId("status-message")).ToContainTextAsync(date);
        await Expect(page.GetByTestId("nav-login")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
