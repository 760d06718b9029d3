using Marketplace.Web.Mail;
using Marketplace.Web.Pages.Messages;

// In the framework's namespace, as Microsoft advises for IServiceCollection extensions, so Program.cs needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

public static class MessagesServiceCollectionExtensions
{
    /// <summary>The conversation services: notification mails, sending with its limits, and the unread count for the navigation.</summary>
    public static IServiceCollection AddMarketplaceMessages(this IServiceCollection services)
    {
        services.AddScoped<MessageMailer>();
        services.AddScoped<MessageSender>();
        services.AddScoped<UnreadMessages>();
        return services;
    }
}
