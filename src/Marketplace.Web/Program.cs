using Hangfire;
using Marketplace.Web.Budgets;
using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Gaps;
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
using Marketplace.Web.Pages;
using Marketplace.Web.Privacy;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Marketplace.Web.Volunteers;

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
services.AddCourses();
services.AddBudgets();
services.AddGaps();
services.AddPrivacy();
services.AddJobs(configuration, database);

services.AddMarketplaceDataProtection(configuration, builder.Environment);
services.AddSecurityHeaders();
services.AddMarketplaceForwardedHeaders(configuration);
services.AddMarketplaceRateLimits(configuration);

services.AddMarketplaceLocalization();

services.AddMarketplacePages();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseMiddleware<HostHeaderGuardMiddleware>();
app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseExceptionHandler("/error/500");
app.UseStaticFiles(StaticAssetCaching.Options);
app.UseCookiePolicy();
app.UseMiddleware<TenantResolutionMiddleware>();
app.UseRequestLocalization();
app.UseRouting();
app.UseMiddleware<HostScopeMiddleware>();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/healthz").WithMetadata(new HostScopeMetadata(HostScope.Any)).AllowAnonymous();
// Hangfire's own filter admits platform admins and answers 401/403 itself; an ASP.NET policy would redirect to the login instead.
app.MapHangfireDashboard("/admin/jobs", new DashboardOptions { Authorization = [new PlatformAdminDashboardFilter()] })
    .WithMetadata(new HostScopeMetadata(HostScope.Platform)).AllowAnonymous();
app.MapRazorPages();

await app.RunAsync();

public partial class Program;
