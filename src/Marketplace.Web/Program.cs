using Hangfire;
using Marketplace.Web.Data;
using Marketplace.Web.Hours;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Intake;
using Marketplace.Web.Jobs;
using Marketplace.Web.Listings;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Matching;
using Marketplace.Web.Messages;
using Marketplace.Web.Organisations;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Marketplace.Web.Volunteers;
using Microsoft.AspNetCore.DataProtection;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = SitePaths.Locate("wwwroot", Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
});
var services = builder.Services;
var configuration = builder.Configuration;

services.AddMemoryCache();
services.AddSingleton(TimeProvider.System);
services.AddTenancy(configuration);
services.AddInfrastructure(SitePaths.Locate("content", builder.Environment.ContentRootPath, AppContext.BaseDirectory));

var database = services.AddMarketplaceDatabase(configuration, builder.Environment.ContentRootPath);
services.AddSingleton<DemoSeeder>();
services.AddMarketplaceMail(configuration, builder.Environment, database.DataFolder);

services.AddAccounts(builder.Environment);
services.AddListings();
services.AddMessages();
services.AddOrganisations();
services.AddMatching();
services.AddVolunteers();
services.AddIntake();
services.AddHours();
services.AddJobs(configuration, database);

services.AddDataProtection().SetApplicationName("Marketplace").PersistKeysToDbContext<AppDbContext>();
services.AddMarketplaceForwardedHeaders(configuration);
services.AddMarketplaceRateLimits(configuration);

services.AddMarketplaceLocalization();

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
services.Configure<RouteOptions>(options => options.LowercaseUrls = true);

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
