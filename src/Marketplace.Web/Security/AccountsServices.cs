using Htmx;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Security;

public static class AccountsServices
{
    /// <summary>
    /// Identity with its password rules, the town-bound login cookie checked on every request (stamp, office idle time),
    /// the lockout per account and address with mailed sign-in links, town-bound form tokens, the town roles and their
    /// policies, the account mails.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IHostEnvironment environment)
    {
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
            .AddSignInManager<TownSignInManager>()
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
            options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            // htmx would swap the login page into the target; HX-Redirect makes it load the login page as a whole instead.
            options.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.IsHtmx())
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers["HX-Redirect"] = context.RedirectUri;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
            // A signed-in user without the right role sees a 403 page at the address they asked for.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        KeptLoginTickets.Install(services);
        // Outside development every cookie (login, antiforgery, language, TempData) travels over HTTPS only, whatever a proxy reports.
        services.Configure<CookiePolicyOptions>(options =>
            options.Secure = environment.IsDevelopment() ? CookieSecurePolicy.None : CookieSecurePolicy.Always);
        // After AddIdentity, so it replaces Identity's interval-based validator.
        services.AddScoped<ISecurityStampValidator, SessionStampValidator>();
        services.AddScoped<OfficeIdleTimeout>();
        services.AddScoped<SessionEnd>();
        services.AddScoped<LoginThrottle>();
        services.AddScoped<LoginLinks>();
        services.AddScoped<AccountSignIn>();
        services.AddSingleton<IAntiforgeryAdditionalDataProvider, TownAntiforgery>();
        services.AddScoped<CurrentMember>();
        services.AddScoped<Memberships>();
        services.AddScoped<CoordinatorAppointments>();
        services.AddScoped<AccountMailer>();
        services.AddScoped<CredentialChanges>();
        services.AddScoped<OfficeTwoFactor>();
        services.AddScoped<OfficeTwoFactorFilter>();
        services.AddScoped<IAuthorizationHandler, TownRoleHandler>();
        services.AddScoped<IAuthorizationHandler, PlatformAdminHandler>();
        services.AddAuthorization(options => options.AddMarketplacePolicies());
        return services;
    }
}
