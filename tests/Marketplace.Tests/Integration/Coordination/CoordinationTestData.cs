using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Coordination;

public static class CoordinationTestData
{
    /// <summary>Runs a service of the given town, as a job would (its own tenant scope).</summary>
    public static async Task<T> InTownServiceAsync<TService, T>(this MarketplaceFactory app, string slug, Func<TService, Task<T>> work)
        where TService : notnull
    {
        var id = await app.TownIdAsync(slug);
        await using var scope = await app.Services.GetRequiredService<TenantScopeFactory>().CreateAsync(id);
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>An available volunteer of the town who helps with the category in the town's first district; returns the profile id.</summary>
    public static Task<int> VolunteerAsync(this MarketplaceFactory app, string slug, string userName, string categoryKey, params string[] languages) =>
        app.InTownAsync(slug, async db =>
        {
            var profile = new VolunteerProfile
            {
                UserId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(),
                SkillCategoryIds = [await db.Categories.Where(c => c.Key == categoryKey).Select(c => c.Id).SingleAsync()],
                DistrictIds = [await db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync()],
                Languages = languages.Select(l => VolunteerLanguages.Entry(l, LanguageLevel.Fluent)).ToList(),
                HoursPerMonth = 4, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, LastActivityAt = DateTimeOffset.UtcNow,
            };
            db.VolunteerProfiles.Add(profile);
            await db.SaveChangesAsync();
            return profile.Id;
        });

    public static Task<Match> MatchAsync(this MarketplaceFactory app, string slug, int matchId) =>
        app.InTownAsync(slug, db => db.Matches.AsNoTracking().SingleAsync(m => m.Id == matchId));
}
