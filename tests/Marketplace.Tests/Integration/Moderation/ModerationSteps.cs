using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Moderation;

/// <summary>What the moderation tests do again and again: fresh members, reports through the form, a coordinator's decision.</summary>
internal static class ModerationSteps
{
    /// <summary>A new confirmed account that is a member of the town; returns its user name (password: the demo password).</summary>
    public static async Task<string> NewMemberAsync(this MarketplaceFactory app, string slug)
    {
        var name = "m-" + Guid.NewGuid().ToString("N")[..12];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = name, Email = $"{name}@test.example", EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
            var created = await users.CreateAsync(user, DemoData.Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var userId = await app.UserIdAsync(name);
        await app.InTownAsync(slug, async db =>
        {
            db.Memberships.Add(new TenantMembership { UserId = userId, Role = TownRole.Member, JoinedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        return name;
    }

    public static string ReportUrl(ReportTarget type, object id, string returnUrl = "/") =>
        $"/report?type={type}&id={Uri.EscapeDataString(Convert.ToString(id, CultureInfo.InvariantCulture)!)}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>Fills and sends the report form like a browser without JavaScript.</summary>
    public static Task<HttpResponseMessage> ReportAsync(this HttpClient client, ReportTarget type, object id, string reason = "Spam",
        string comment = "", string returnUrl = "/") =>
        client.SubmitAsync(ReportUrl(type, id, returnUrl), "[data-testid=report-form]",
            new Dictionary<string, string> { ["Input.Reason"] = reason, ["Input.Comment"] = comment });

    public static IElement QueueItem(this IDocument page, ReportTarget type, object id) =>
        page.QuerySelectorAll("[data-testid=moderation-item]").Single(i =>
            i.GetAttribute("data-target-type") == type.ToString() && i.GetAttribute("data-target-id") == Convert.ToString(id, CultureInfo.InvariantCulture));

    /// <summary>Presses the decision button of the target's queue item (which must be offered) with the given reason.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(this HttpClient client, ReportTarget type, object id, ModerationActionKind action, string reason)
    {
        var page = await client.GetPageAsync("/coordination/moderation");
        var item = page.QueueItem(type, id);
        Assert.NotNull(item.QuerySelector($"button[name='Input.Action'][value={action}]"));
        return await client.SubmitAsync((IHtmlFormElement)item.QuerySelector("form")!, "/coordination/moderation",
            new Dictionary<string, string> { ["Input.Reason"] = reason }, "Input.Action", action.ToString());
    }

    /// <summary>The antiforgery token of any form on the page (the layout's logout form at least), for hand-built posts.</summary>
    public static async Task<string> TokenAsync(this HttpClient client, string url = "/")
    {
        var page = await client.GetPageAsync(url);
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    public static Task<int> AddReportsAsync(this MarketplaceFactory app, string slug, ReportTarget type, string targetId, params string[] reporterUserIds) =>
        app.InTownAsync(slug, async db =>
        {
            foreach (var reporter in reporterUserIds)
            {
                db.Reports.Add(new Report
                {
                    TargetType = type,
                    TargetId = targetId,
                    ReporterUserId = reporter,
                    Reason = ReportReason.Offensive,
                    Status = ReportStatus.Open,
                    CreatedAt = DateTimeOffset.UtcNow,
                });
            }

            return await db.SaveChangesAsync();
        });

    /// <summary>A conversation about a new listing of the owner, with one message from the owner; returns the message id.</summary>
    public static async Task<int> ConversationMessageAsync(this MarketplaceFactory app, string slug, string ownerName, string respondentName,
        string body = "Bitte überweisen Sie vorab 50 Euro.")
    {
        var listingId = await app.CreateListingAsync(slug, ownerName);
        var ownerId = await app.UserIdAsync(ownerName);
        var respondentId = await app.UserIdAsync(respondentName);
        return await app.InTownAsync(slug, async db =>
        {
            var conversation = new Conversation
            {
                ListingId = listingId,
                OwnerUserId = ownerId,
                RespondentUserId = respondentId,
                CreatedAt = DateTimeOffset.UtcNow,
                LastMessageAt = DateTimeOffset.UtcNow,
            };
            var message = new Message { Conversation = conversation, SenderUserId = ownerId, Body = body, SentAt = DateTimeOffset.UtcNow };
            db.Conversations.Add(conversation);
            db.Messages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
    }

    public static Task<List<Report>> ReportsOnAsync(this MarketplaceFactory app, string slug, ReportTarget type, object id) =>
        app.InTownAsync(slug, db =>
        {
            var targetId = Convert.ToString(id, CultureInfo.InvariantCulture)!;
            return db.Reports.AsNoTracking().Where(r => r.TargetType == type && r.TargetId == targetId).OrderBy(r => r.Id).ToListAsync();
        });
}
