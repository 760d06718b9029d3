using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Matching;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.BrowserTests;

[Trait("Category", "Browser")]
public sealed class CoordinationFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private string OnTestServer(string url) => app.TownUrl("erlangen", new Uri(url).PathAndQuery);

    private async Task<IPage> SignedInPageAsync(string login)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.TownUrl("erlangen", "/account/login"));
        await page.GetByTestId("login-name").FillAsync(login);
        await page.GetByTestId("login-password").FillAsync(DemoData.Password);
        await page.RunAndWaitForResponseAsync(() => page.GetByTestId("login-submit").ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/account/login", StringComparison.OrdinalIgnoreCase));
        return page;
    }

    private async Task AnswerByMailAsync(string userName, string subjectPart, string path, string confirmTestId, string doneTestId)
    {
        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(userName), m => (m.Subject ?? "").Contains(subjectPart));
        var page = await app.NewPageAsync();
        await page.GotoAsync(OnTestServer(Accounts.LinkIn(mail, path)));
        await page.GetByTestId(confirmTestId).ClickAsync();
        await Expect(page.GetByTestId(doneTestId)).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_coordinator_matches_a_request_to_a_volunteer_who_accepts_by_mail_both_confirm_and_approved_hours_reach_the_dashboard()
    {
        var requester = await app.NewMemberAsync("erlangen", "bq");
        var volunteer = await app.NewMemberAsync("erlangen", "bv");
        var volunteerId = await app.UserIdAsync(volunteer);
        var behoerden = await app.InTownAsync("erlangen", db => db.Categories.Where(c => c.Key == "behoerden").Select(c => c.Id).SingleAsync());
        var district = await app.InTownAsync("erlangen", db => db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync());
        await app.InTownAsync("erlangen", async db =>
        {
            db.VolunteerProfiles.Add(new VolunteerProfile
            {
                UserId = volunteerId, SkillCategoryIds = [behoerden], DistrictIds = [district], Languages = ["ar:Native"], HoursPerMonth = 4,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, LastActivityAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var title = $"Begleitung Ausländerbehörde {Guid.NewGuid():N}"[..36];
        var request = await app.CreateListingAsync("erlangen", requester, ListingType.Request, title, "behoerden", l => l.Languages = ",ar,");

        var office = await SignedInPageAsync("erlangen-koordination");
        await office.GotoAsync(app.TownUrl("erlangen", "/coordination"));
        var hoursBefore = await office.GetByTestId("dashboard-hours-year").InnerTextAsync();

        await office.GetByTestId("desk-queue").ClickAsync();
        await office.GetByTestId("queue-row").Filter(new() { HasText = title }).GetByTestId("queue-open").ClickAsync();
        var suggestion = office.GetByTestId("suggestion").Filter(new() { HasText = volunteer });
        await Expect(suggestion.GetByTestId("suggestion-reason").Filter(new() { HasText = "gemeinsame Sprache" })).ToBeVisibleAsync();
        await Expect(suggestion.GetByTestId("suggestion-reason").Filter(new() { HasText = "gleicher Stadtteil" })).ToBeVisibleAsync();
        await suggestion.GetByTestId("propose-match").ClickAsync();
        await Expect(office.GetByTestId("match-status")).ToHaveTextAsync("vorgeschlagen");

        await AnswerByMailAsync(volunteer, "Vorschlag", "/matches/answer/", "answer-confirm", "answer-done");
        await AnswerByMailAsync(requester, "Vorschlag", "/matches/answer/", "answer-confirm", "answer-done");
        await office.ReloadAsync();
        await Expect(office.GetByTestId("match-status")).ToHaveTextAsync("zugesagt");

        // The match's time is over: both are asked, both say it happened.
        var matchId = await app.InTownAsync("erlangen", db => db.Matches.Where(m => m.ListingId == request).Select(m => m.Id).SingleAsync());
        await app.InTownAsync("erlangen", db => db.Matches.Where(m => m.Id == matchId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.EndsOn, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)))));
        await using (var scope = await app.Services.GetRequiredService<TenantScopeFactory>().CreateAsync(await app.TownIdAsync("erlangen")))
        {
            await scope.ServiceProvider.GetRequiredService<MatchFeedbackRequests>().RequestDueAsync();
        }

        await AnswerByMailAsync(volunteer, "geklappt", "/matches/feedback/", "feedback-submit", "feedback-done");
        await AnswerByMailAsync(requester, "geklappt", "/matches/feedback/", "feedback-submit", "feedback-done");
        await office.ReloadAsync();
        await Expect(office.GetByTestId("match-status")).ToHaveTextAsync("abgeschlossen");

        // The volunteer logs three hours against the match; the office approves them.
        var helper = await SignedInPageAsync(volunteer);
        await helper.GotoAsync(app.TownUrl("erlangen", "/me/hours"));
        await helper.GetByTestId("hours-date").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"));
        await helper.GetByTestId("hours-hours").FillAsync("3");
        await helper.GetByTestId("hours-activity").FillAsync("Begleitung zur Ausländerbehörde");
        await helper.GetByTestId("hours-match").SelectOptionAsync(matchId.ToString());
        await helper.GetByTestId("hours-submit").ClickAsync();
        await Expect(helper.GetByTestId("hours-row").First).ToContainTextAsync("Begleitung zur Ausländerbehörde");

        await office.GotoAsync(app.TownUrl("erlangen", "/coordination/hours"));
        await office.RunAndWaitForResponseAsync(
            () => office.GetByTestId("hours-row").Filter(new() { HasText = volunteer }).GetByTestId("hours-approve").ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/coordination/hours", StringComparison.OrdinalIgnoreCase));
        await office.GotoAsync(app.TownUrl("erlangen", "/coordination"));
        await Expect(office.GetByTestId("dashboard-hours-year")).Not.ToHaveTextAsync(hoursBefore);
        Assert.Equal(MatchStatus.Completed, await app.InTownAsync("erlangen", db => db.Matches.Where(m => m.Id == matchId).Select(m => m.Status).SingleAsync()));

        await office.Context.CloseAsync();
        await helper.Context.CloseAsync();
    }

    [Fact]
    public async Task An_intake_slip_in_Arabic_opens_styled_right_to_left_after_saving_and_from_its_link_and_prints_without_the_staff_toolbar()
    {
        var office = await SignedInPageAsync("erlangen-koordination");
        await office.GotoAsync(app.TownUrl("erlangen", "/coordination/intake/new"));
        await office.GetByTestId("intake-name").FillAsync("Samira N.");
        await office.GetByTestId("intake-contact").FillAsync("über die Beratungsstelle");
        await office.GetByTestId("intake-culture").SelectOptionAsync("ar");
        await office.GetByTestId("intake-category").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await office.GetByTestId("intake-district").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await office.GetByTestId("intake-title").FillAsync("Begleitung zum Kinderarzt gesucht");
        await office.GetByTestId("intake-description").FillAsync("Termin in der nächsten Woche, Übersetzung Arabisch–Deutsch.");

        // The form is boosted; its answer is the slip, which must come as a page of its own.
        await office.GetByTestId("intake-save").ClickAsync();
        await Expect(office.GetByTestId("intake-slip")).ToBeVisibleAsync();
        await ExpectStyledRightToLeftSlipAsync(office);

        await office.GotoAsync(office.Url.Replace("/slip", "", StringComparison.Ordinal));
        await office.GetByTestId("intake-detail-slip").ClickAsync();
        await Expect(office.GetByTestId("intake-slip")).ToBeVisibleAsync();
        await ExpectStyledRightToLeftSlipAsync(office);

        await Expect(office.GetByTestId("intake-slip-tools")).ToBeVisibleAsync();
        await office.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(office.GetByTestId("intake-slip-tools")).ToBeHiddenAsync();
        await Expect(office.GetByTestId("intake-code")).ToBeVisibleAsync();
        await office.Context.CloseAsync();
    }

    private static async Task ExpectStyledRightToLeftSlipAsync(IPage page)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.GetByTestId("intake-slip")).ToHaveCSSAsync("border-top-style", "dashed");
    }
}
