using Marketplace.Web.Coordination;
using Marketplace.Web.Resources;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Jobs;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = SitePaths.Locate("wwwroot", Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
});
var services = builder.Services;
var configuration = builder.Configuration;

services.Configure<TenancyOptions>(configuration.GetSection(TenancyOptions.Section));
services.AddHttpContextAccessor();
services.AddMemoryCache();
services.AddSingleton(TimeProvider.System);
services.AddScoped<TenantContext>();
services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
services.AddSingleton<TenantScopeFactory>();
services.AddScoped<TenantLinks>();
services.AddSingleton(new ContentPages(SitePaths.Locate("content", builder.Environment.ContentRootPath, AppContext.BaseDirectory)));

var database = services.AddMarketplaceDatabase(configuration, builder.Environment.ContentRootPath);
services.AddSingleton<DemoSeeder>();
services.AddMarketplaceMail(configuration, builder.Environment, database.DataFolder);

services.AddIdentity<AppUser, IdentityRole>(options =>
    {
        options.SignIn.RequireConfirmedEmail = true;
        options.User.RequireUniqueEmail = true;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._";
        options.Password.RequiredLength = 10;
        options.Password.RequiredUniqueChars = 5;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    })
    .AddEntityFrameworkStores<AppDbContext>()
    .AddDefaultTokenProviders()
    .AddClaimsPrincipalFactory<TownClaimsPrincipalFactory>()
    .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
    .AddPasswordValidator<CommonPasswordValidator>();
services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/account/login";
    options.LogoutPath = "/account/logout";
    options.AccessDeniedPath = "/account/access-denied";
    options.Cookie.Name = "mp.auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.SlidingExpiration = true;
    options.ExpireTimeSpan = TimeSpan.FromDays(14);
    options.Events.OnValidatePrincipal = HostClaim.ValidateAsync;
    // A signed-in user without the right role sees a 403 page at the address they asked for.
    options.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
});
// Outside development every cookie (login, antiforgery, language, TempData) travels over HTTPS only, whatever a proxy reports.
services.Configure<CookiePolicyOptions>(options =>
    options.Secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.None : CookieSecurePolicy.Always);
services.AddScoped<CurrentMember>();
services.AddScoped<Memberships>();
services.AddScoped<CoordinatorAppointments>();
services.AddScoped<Marketplace.Web.Pages.Listings.ListingEditor>();
services.AddScoped<Marketplace.Web.Pages.Listings.ListingSearch>();
Marketplace.Web.Pages.Organisations.OrganisationServices.AddOrganisations(services);
services.AddMarketplaceMessages();
services.AddScoped<ExpireListingsJob>();
services.AddScoped<DeliverOutboxJob>();
services.AddScoped<DigestJob>();
services.AddScoped<CoordinationJob>();
services.AddCoordination();
Marketplace.Web.Pages.Coordination.Intake.IntakeServices.AddIntake(services);
Marketplace.Web.Hours.HoursServices.AddVolunteerHours(services);
services.AddScoped<IAuthorizationHandler, TownRoleHandler>();
services.AddScoped<IAuthorizationHandler, PlatformAdminHandler>();
services.AddAuthorization(options => options.AddMarketplacePolicies());

services.AddDataProtection().SetApplicationName("Marketplace").PersistKeysToDbContext<AppDbContext>();
services.AddMarketplaceForwardedHeaders(configuration);
services.AddMarketplaceRateLimits(configuration);
services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

services.AddLocalization();
services.Configure<RequestLocalizationOptions>(options =>
{
    options.SetDefaultCulture(Cultures.Default).AddSupportedCultures(Cultures.Supported).AddSupportedUICultures(Cultures.Supported);
    options.RequestCultureProviders =
    [
        new QueryStringRequestCultureProvider(),
        new CookieRequestCultureProvider(),
        new AcceptLanguageHeaderRequestCultureProvider(),
        new TownDefaultCultureProvider(),
    ];
});

services.AddRazorPages(options =>
    {
        options.Conventions.AuthorizeFolder("/Admin", Policies.PlatformAdmin);
        options.Conventions.AuthorizeFolder("/Town", Policies.TownAdmin);
        options.Conventions.AuthorizeFolder("/Coordination", Policies.Coordinator);
        options.Conventions.AuthorizeFolder("/Me", Policies.TownMember);
        options.Conventions.AuthorizeFolder("/Messages", Policies.TownMember);
        options.Conventions.AddFolderApplicationModelConvention("/Admin", m => m.EndpointMetadata.Add(new HostScopeMetadata(HostScope.Platform)));
        foreach (var townFolder in new[] { "/Town", "/Coordination", "/Me", "/Messages", "/Listings", "/Organisations" })
        {
            options.Conventions.AddFolderApplicationModelConvention(townFolder, m => m.EndpointMetadata.Add(new HostScopeMetadata(HostScope.Town)));
        }

        options.Conventions.AddPageApplicationModelConvention("/Account/Register", m => m.EndpointMetadata.Add(new HostScopeMetadata(HostScope.Town)));
        options.Conventions.AddPageApplicationModelConvention("/Unsubscribe", m => m.EndpointMetadata.Add(new HostScopeMetadata(HostScope.Town)));
        options.Conventions.AddPageApplicationModelConvention("/Reports/New", m => m.EndpointMetadata.Add(new HostScopeMetadata(HostScope.Town)));
        options.Conventions.AddPageApplicationModelConvention("/Account/ResendConfirmation", m => m.EndpointMetadata.Add(new HostScopeMetadata(HostScope.Town)));
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options =>
        options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
services.ConfigureOptions<LocalizedModelBindingMessages>();
services.Configure<RouteOptions>(options => options.LowercaseUrls = true);

services.AddHangfire(hangfire =>
{
    hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
    if (database.Provider == DatabaseProvider.Postgres)
    {
        hangfire.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(configuration.GetConnectionString("Postgres")));
    }
    else
    {
        hangfire.UseSQLiteStorage(database.HangfireSqlitePath());
    }
});
if (configuration.GetValue("Hangfire:ServerEnabled", true))
{
    services.AddHangfireServer();
    services.AddHostedService<RecurringJobsRegistration>();
}

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseExceptionHandler("/error/500");
app.UseStaticFiles();
app.UseCookiePolicy();
app.UseMiddleware<TenantResolutionMiddleware>();
app.UseRequestLocalization();
app.UseRouting();
app.UseMiddleware<HostScopeMiddleware>();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/healthz");
app.MapHangfireDashboard("/admin/jobs", new DashboardOptions { Authorization = [new PlatformAdminDashboardFilter()] })
    .WithMetadata(new HostScopeMetadata(HostScope.Platform));
app.MapRazorPages();

await app.RunAsync();

public partial class Program;
