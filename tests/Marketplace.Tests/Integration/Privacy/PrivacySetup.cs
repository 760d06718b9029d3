using System.Net;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Marketplace.Web.Domain;
using Marketplace.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Privacy;

/// <summary>Rows and steps the privacy tests share: a second town for a member, conversations, photos, and running the privacy job.</summary>
public static class PrivacySetup
{
    public static async Task JoinAsync(this MarketplaceFactory app, string slug, string userName)
    {
        var userId = await app.UserIdAsync(userName);
        await app.InTownAsync(slug, async db =>
        {
            db.Memberships.Add(new TenantMembership { UserId = userId, Role = TownRole.Member, JoinedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
    }

    public static Task<int> AddPhotoAsync(this MarketplaceFactory app, string slug, int listingId, byte[] data) =>
        app.InTownAsync(slug, async db =>
        {
            var photo = new ListingPhoto { ListingId = listingId, ContentType = "image/jpeg", Data = data, Width = 800, Height = 600 };
            db.ListingPhotos.Add(photo);
            await db.SaveChangesAsync();
            return photo.Id;
        });

    /// <summary>A conversation on the listing between its poster and the respondent, with the messages in order (sender user name, text).</summary>
    public static Task<int> ConversationAsync(this MarketplaceFactory app, string slug, int listingId, string respondent,
        params (string Sender, string Body)[] messages) =>
        app.InTownAsync(slug, async db =>
        {
            var owner = await db.Listings.Where(l => l.Id == listingId).Select(l => l.PosterUserId).SingleAsync();
            var respondentId = await db.Users.Where(u => u.UserName == respondent).Select(u => u.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            var conversation = new Conversation
            {
                ListingId = listingId, OwnerUserId = owner, RespondentUserId = respondentId, CreatedAt = now, LastMessageAt = now,
            };
            foreach (var (sender, body) in messages)
            {
                conversation.Messages.Add(new Message
                {
                    SenderUserId = await db.Users.Where(u => u.UserName == sender).Select(u => u.Id).SingleAsync(), Body = body, SentAt = now,
                });
            }

            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
            return conversation.Id;
        });

    /// <summary>The privacy job's work for one town (retention), as Hangfire would run it.</summary>
    public static async Task RunRetentionAsync(this MarketplaceFactory app, string slug)
    {
        var tenantId = await app.TownIdAsync(slug);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PrivacyJob>().RunForTownAsync(tenantId);
    }

    /// <summary>The hourly run with a job client that only records what it would start.</summary>
    public static async Task<List<Job>> RunPrivacyFanOutAsync(this MarketplaceFactory app)
    {
        var client = new RecordingJobClient();
        await using var scope = app.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<PrivacyJob>(scope.ServiceProvider, (IBackgroundJobClient)client);
        await job.RunAsync();
        return client.Jobs;
    }

    public static async Task BuildExportsOfAsync(this MarketplaceFactory app, string userName)
    {
        var userId = await app.UserIdAsync(userName);
        var ids = await app.InTownAsync(null, db => db.DataExports.Where(e => e.UserId == userId && e.ReadyAt == null).Select(e => e.Id).ToListAsync());
        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PrivacyJob>().BuildExportAsync(id);
        }
    }

    public static async Task AnonymiseDueAsync(this MarketplaceFactory app, string userId)
    {
        var id = await app.InTownAsync(null, db => db.AccountDeletions.Where(d => d.UserId == userId).Select(d => d.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PrivacyJob>().AnonymiseAccountAsync(id);
    }

    /// <summary>Asks for the account's deletion on the page, with the member's password.</summary>
    public static async Task<HttpResponseMessage> RequestDeletionAsync(this HttpClient client, string password = Marketplace.Web.Data.DemoData.Password)
    {
        var response = await client.SubmitAsync("/me/account/delete", "[data-testid=delete-form]",
            new Dictionary<string, string> { ["Input.Password"] = password });
        return response;
    }

    public static async Task<HttpResponseMessage> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetAsync(response.Headers.Location);
    }

    private sealed class RecordingJobClient : IBackgroundJobClient
    {
        public List<Job> Jobs { get; } = [];

        public string Create(Job job, IState state)
        {
            Jobs.Add(job);
            return Jobs.Count.ToString();
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
