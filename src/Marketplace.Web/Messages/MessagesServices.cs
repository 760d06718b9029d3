namespace Marketplace.Web.Messages;

public static class MessagesServices
{
    /// <summary>The conversation services: notification mails, sending with its limits, and the unread count for the navigation.</summary>
    public static IServiceCollection AddMessages(this IServiceCollection services)
    {
        services.AddScoped<MessageMailer>();
        services.AddScoped<MessageSender>();
        services.AddScoped<UnreadMessages>();
        return services;
    }
}
