using Marketplace.Web.Data;

namespace Marketplace.Web.Mail;

public static class MailServices
{
    public static void AddMarketplaceMail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, string dataFolder)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        var options = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        var pickupPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.PickupFolder ?? Path.Combine(dataFolder, "mail")));

        if (!string.IsNullOrWhiteSpace(options.Smtp.Host))
        {
            services.AddSingleton(new PickupFolder(pickupPath, IsActive: false));
            services.AddSingleton<IMailSender, SmtpMailSender>();
        }
        else if (environment.IsDevelopment() || options.PickupFolder is not null)
        {
            services.AddSingleton(new PickupFolder(pickupPath, IsActive: true));
            services.AddSingleton<IMailSender, PickupFolderMailSender>();
        }
        else
        {
            throw new InvalidOperationException("No mail server: set Mail:Smtp:Host (or Mail:PickupFolder to write mail to files).");
        }

        services.AddSingleton<MailRenderer>();
        services.AddScoped<TownMail>();
        services.AddScoped<SignedLinks>();
        services.AddScoped<OneClickTokens>();
        services.AddScoped<OutboxStore>();
        services.AddScoped<OutboxWriter>();
        services.AddScoped<OutboxDelivery>();
        services.AddSingleton<DevMailbox>();
        if (options.DeliverAfterCommit)
        {
            services.AddHostedService<OutboxPump>();
        }
    }
}
