using System.Net;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Mail;

[Trait("Category", "Database")]
public sealed class OutboxAdminTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private Task<long> FailedMailAsync(string slug, string recipient) => app.InTownAsync(slug, async db =>
    {
        var mail = db.OutboxMails.Add(new OutboxMail
        {
            IdempotencyKey = $"failed-{Guid.NewGuid():N}", Recipient = recipient, Template = "test", Culture = "de", Subject = "Zugesagt",
            HtmlBody = "<p>Zugesagt</p>", TextBody = "Zugesagt", MessageId = $"{Guid.NewGuid():N}@marketplace.localhost",
            State = OutboxState.Failed, Attempts = 17, LastError = "550 mailbox unavailable",
            CreatedAt = DateTimeOffset.UtcNow.AddDays(-2), NextAttemptAt = DateTimeOffset.UtcNow.AddDays(-1),
        }).Entity;
        await db.SaveChangesAsync();
        return mail.Id;
    });

    [Fact]
    public async Task TownAdmin_SeesFailedMail_RetriesIt_AndItArrives()
    {
        await FailedMailAsync("koeln", "kaputt@outbox-admin.example");
        await FailedMailAsync("potsdam", "potsdam@outbox-admin.example");
        var admin = app.TownClient("koeln");
        await admin.LoginOkAsync("koeln-admin");

        var page = await admin.GetPageAsync("/town/outbox");
        var rows = page.QuerySelectorAll("[data-testid=outbox-failed-row]").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("kaputt@outbox-admin.example") && r.Contains("550 mailbox unavailable"));
        Assert.DoesNotContain(rows, r => r.Contains("potsdam@outbox-admin.example"));
        Assert.Equal("1", page.TestId("outbox-count-failed"));

        var retried = await admin.SubmitAsync("/town/outbox", "[data-testid=outbox-failed-row] form");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);

        var mail = await app.Smtp.WaitForAsync("kaputt@outbox-admin.example");
        Assert.Equal("Zugesagt", mail.Subject);
        Assert.Empty(app.Smtp.MessagesTo("potsdam@outbox-admin.example"));
        Assert.Equal(OutboxState.Failed, await app.InTownAsync("potsdam", db => db.OutboxMails.Where(m => m.Recipient == "potsdam@outbox-admin.example").Select(m => m.State).SingleAsync()));
    }

    [Fact]
    public async Task RetryOfAnotherTownsRow_ChangesNothing_AndMembersCannotOpenThePage()
    {
        var potsdamRow = await FailedMailAsync("potsdam", "fremd@outbox-admin.example");
        var admin = app.TownClient("koeln");
        await admin.LoginOkAsync("koeln-admin");
        var token = await admin.TokenAsync("/town/outbox");

        await admin.PostAsync($"/town/outbox?handler=Retry&id={potsdamRow}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(OutboxState.Failed, await app.InTownAsync("potsdam", db => db.OutboxMails.Where(m => m.Id == potsdamRow).Select(m => m.State).SingleAsync()));
        var member = app.TownClient("koeln");
        await member.LoginOkAsync("koeln-mitglied");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/town/outbox")).StatusCode);
    }
}
