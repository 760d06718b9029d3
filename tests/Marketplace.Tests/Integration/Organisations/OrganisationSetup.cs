using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Organisations;

/// <summary>Organisations and throwaway accounts written straight to a town's database, so each test starts from its own rows.</summary>
public static class OrganisationSetup
{
    public static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    public static async Task<AsyncServiceScope> TownScopeAsync(this MarketplaceFactory app, string slug)
    {
        Guid id;
        await using (var lookup = app.Services.CreateAsyncScope())
        {
            id = await lookup.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync();
        }

        return await app.Services.GetRequiredService<TenantScopeFactory>().CreateAsync(id);
    }

    /// <summary>A confirmed account that is a member of the town; its e-mail is {userName}@test.example.</summary>
    public static async Task<string> CreateMemberAsync(this MarketplaceFactory app, string slug, string userName,
        bool blocked = false, string? culture = null)
    {
        await using var scope = await app.TownScopeAsync(slug);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = new AppUser
        {
            UserName = userName, Email = EmailOf(userName), EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow, PreferredCulture = culture,
        };
        var created = await users.CreateAsync(user, DemoData.Password);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        db.Memberships.Add(new TenantMembership
        {
            UserId = user.Id, Role = TownRole.Member, JoinedAt = DateTimeOffset.UtcNow, BlockedAt = blocked ? DateTimeOffset.UtcNow : null,
        });
        await db.SaveChangesAsync();
        return user.Id;
    }

    public static string EmailOf(string userName) => $"{userName}@test.example";

    public static Task<int> CreateOrganisationAsync(this MarketplaceFactory app, string slug, string adminUserName, string name,
        OrganisationStatus status = OrganisationStatus.Pending, OrganisationType type = OrganisationType.Initiative) =>
        app.InTownAsync(slug, async db =>
        {
            var organisation = new Organisation
            {
                Name = name, Type = type, Status = status, CreatedAt = DateTimeOffset.UtcNow, Description = "Wir helfen.",
                ReviewedAt = status == OrganisationStatus.Pending ? null : DateTimeOffset.UtcNow,
            };
            organisation.Members.Add(new OrganisationMember
            {
                UserId = await db.Users.Where(u => u.UserName == adminUserName).Select(u => u.Id).SingleAsync(),
                Role = OrganisationRole.Admin,
                JoinedAt = DateTimeOffset.UtcNow,
            });
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });

    public static Task AddMemberAsync(this MarketplaceFactory app, string slug, int organisationId, string userName, OrganisationRole role) =>
        app.InTownAsync(slug, async db =>
        {
            db.OrganisationMembers.Add(new OrganisationMember
            {
                OrganisationId = organisationId,
                UserId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(),
                Role = role,
                JoinedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

    public static Task<Organisation?> FindOrganisationAsync(this MarketplaceFactory app, string slug, int id) =>
        app.InTownAsync(slug, db => db.Organisations.AsNoTracking().Include(o => o.Members).Include(o => o.Districts).Include(o => o.Categories)
            .SingleOrDefaultAsync(o => o.Id == id));

    /// <summary>The antiforgery token of any form on the page, for requests built by hand.</summary>
    public static async Task<string> TokenFromAsync(this HttpClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    public static IHtmlFormElement Form(this AngleSharp.Dom.IParentNode node, string selector) =>
        node.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form {selector}.");
}
