using Marketplace.Web.Domain;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

/// <summary>On start: migrate, make sure the platform role exists, bootstrap the first admin, seed demo data if asked.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(PlatformRoles.PlatformAdmin))
            {
                await roles.CreateAsync(new IdentityRole(PlatformRoles.PlatformAdmin));
            }

            await BootstrapPlatformAdminAsync(app.Configuration, scope.ServiceProvider);
        }

        if (app.Configuration.GetValue<bool>("DemoData:Enabled"))
        {
            await app.Services.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }

    /// <summary>A fresh production install has no town to register on: Bootstrap:AdminEmail/AdminPassword creates the first platform admin.</summary>
    private static async Task BootstrapPlatformAdminAsync(IConfiguration configuration, IServiceProvider services)
    {
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        var users = services.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(PlatformRoles.PlatformAdmin)).Count > 0)
        {
            return;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = "platform-admin", Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Bootstrap admin: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }

        await users.AddToRoleAsync(user, PlatformRoles.PlatformAdmin);
    }
}

/// <summary>Creates the demo towns, accounts and their listings (<see cref="DemoListings"/>); running it again changes nothing.</summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, TimeProvider clock)
{
    public async Task SeedAsync()
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = await EnsureUserAsync(users, DemoData.PlatformAdminName);
            if (!await users.IsInRoleAsync(admin, PlatformRoles.PlatformAdmin))
            {
                await users.AddToRoleAsync(admin, PlatformRoles.PlatformAdmin);
            }

            foreach (var town in DemoData.Towns)
            {
                if (!await db.Tenants.AnyAsync(t => t.Slug == town.Slug))
                {
                    db.Tenants.Add(new Tenant
                    {
                        Slug = town.Slug,
                        Name = town.Name,
                        FederalState = town.State,
                        ContactEmail = $"koordination@{town.Slug}.example",
                        ContactPhone = "+49 000 000000",
                        ContactAddress = "Koordinierungsstelle Ehrenamt, Rathaus",
                        Description = town.Description,
                        CreatedAt = clock.GetUtcNow(),
                    });
                    await db.SaveChangesAsync();
                }
            }
        }

        foreach (var town in DemoData.Towns)
        {
            await SeedTownAsync(town);
        }
    }

    private async Task SeedTownAsync(DemoData.Town town)
    {
        Guid tenantId;
        await using (var lookup = scopes.CreateAsyncScope())
        {
            tenantId = await lookup.ServiceProvider.GetRequiredService<AppDbContext>().Tenants
                .Where(t => t.Slug == town.Slug).Select(t => t.Id).SingleAsync();
        }

        await using var scope = await tenantScopes.CreateAsync(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var memberships = scope.ServiceProvider.GetRequiredService<Memberships>();

        var existing = await db.Districts.Select(d => d.Name).ToListAsync();
        foreach (var (name, order) in town.Districts.Select((n, i) => (n, i)).Where(d => !existing.Contains(d.n)))
        {
            db.Districts.Add(new District { Name = name, SortOrder = order });
        }

        var categoryKeys = (await db.Categories.Select(c => c.Key).ToListAsync()).ToHashSet();
        db.Categories.AddRange(DefaultCategories.Build(categoryKeys));

        foreach (var (userName, role) in DemoData.TownAccounts(town.Slug))
        {
            await memberships.JoinAsync((await EnsureUserAsync(users, userName)).Id, role);
        }

        if (DemoData.MultiTownSlugs.Contains(town.Slug))
        {
            await memberships.JoinAsync((await EnsureUserAsync(users, DemoData.MultiTownUserName)).Id);
        }

        await db.SaveChangesAsync();
        await DemoListings.SeedAsync(db, town, clock.GetUtcNow());
        await DemoCourses.SeedAsync(db, town, clock.GetUtcNow());
        await DemoBudgets.SeedAsync(db, town, clock.GetUtcNow());
        await DemoGaps.SeedAsync(db, town, clock.GetUtcNow());
        // The gap views read the weekly aggregates: build them now rather than at the job's next run.
        await scope.ServiceProvider.GetRequiredService<Gaps.WeeklySupplyBuilder>().BuildAsync(CancellationToken.None);
    }

    private async Task<AppUser> EnsureUserAsync(UserManager<AppUser> users, string userName)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is not null)
        {
            return user;
        }

        user = new AppUser { UserName = userName, Email = DemoData.EmailOf(userName), EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
        var result = await users.CreateAsync(user, DemoData.Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {userName}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return user;
    }
}
