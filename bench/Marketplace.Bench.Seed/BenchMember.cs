using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Bench.Seed;

/// <summary>
/// The logged-in reader of the load test's <c>/me</c>: a confirmed member of the report town with
/// <see cref="ListingCount"/> listings of its own (the usual mix of states) and <see cref="ConversationCount"/>
/// conversations, half on its own listings and half as the one who answered someone else's, a few with unread messages.
/// </summary>
public static class BenchMember
{
    public const string UserName = "bench-member";
    public const string Password = "Bench-Passwort-2026";
    public const int ListingCount = 50;
    public const int ConversationCount = 20;

    private static readonly string[] Bodies =
    [
        "Hallo! Ist das noch aktuell?",
        "Ja, noch da. Wann passt es Ihnen?",
        "Morgen ab 17 Uhr ginge bei mir.",
        "Gut, dann bis morgen. Danke!",
        "Hello, I can help on Saturday.",
        "Super, vielen Dank für die schnelle Antwort.",
    ];

    /// <summary>The account, hashed with Identity's default hasher as the app uses in Production; not saved yet.</summary>
    public static AppUser Create(IPasswordHasher<AppUser> hasher, DateTimeOffset now)
    {
        var email = UserName + "@bench.example";
        var user = new AppUser
        {
            UserName = UserName,
            NormalizedUserName = UserName.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            CreatedAt = now.AddDays(-300),
        };
        user.PasswordHash = hasher.HashPassword(user, Password);
        return user;
    }

    /// <summary>Conversations in the current town's scope, on listings already saved there.</summary>
    public static async Task AddConversationsAsync(AppDbContext db, string memberId, Random rng, DateTimeOffset now)
    {
        var own = await PublishedAsync(db.Listings.Where(l => l.PosterUserId == memberId), ConversationCount / 2);
        var others = await PublishedAsync(db.Listings.Where(l => l.PosterUserId != memberId), ConversationCount - own.Count);
        foreach (var (listing, index) in own.Concat(others).Select((l, i) => (l, i)))
        {
            var memberOwns = listing.PosterUserId == memberId;
            var other = memberOwns ? others[index % others.Count].PosterUserId : listing.PosterUserId;
            var start = now.AddDays(-rng.Next(1, 20)).AddMinutes(-rng.Next(0, 600));
            var conversation = new Conversation
            {
                ListingId = listing.Id,
                OwnerUserId = listing.PosterUserId,
                RespondentUserId = memberOwns ? other : memberId,
                CreatedAt = start,
            };
            var count = rng.Next(2, Bodies.Length + 1);
            for (var i = 0; i < count; i++)
            {
                conversation.Messages.Add(new Message
                {
                    SenderUserId = i % 2 == 0 ? conversation.RespondentUserId : conversation.OwnerUserId,
                    Body = Bodies[i],
                    SentAt = start.AddMinutes(i * 47),
                });
            }

            conversation.LastMessageAt = conversation.Messages[^1].SentAt;
            conversation.OwnerReadAt = conversation.LastMessageAt;
            conversation.RespondentReadAt = conversation.LastMessageAt;
            // Every fourth keeps its last message unread for the member, so the page counts unread messages too.
            if (index % 4 == 0 && conversation.Messages[^1].SenderUserId != memberId)
            {
                if (memberOwns)
                {
                    conversation.OwnerReadAt = conversation.LastMessageAt.AddMinutes(-1);
                }
                else
                {
                    conversation.RespondentReadAt = conversation.LastMessageAt.AddMinutes(-1);
                }
            }

            db.Conversations.Add(conversation);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private static async Task<List<(int Id, string PosterUserId)>> PublishedAsync(IQueryable<Listing> listings, int count) =>
        (await listings.Where(l => l.Status == ListingStatus.Published).OrderBy(l => l.Id).Take(count)
            .Select(l => new { l.Id, l.PosterUserId }).ToListAsync())
        .Select(l => (l.Id, l.PosterUserId)).ToList();
}
