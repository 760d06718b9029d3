using System.Globalization;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail.Templates;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Marketplace.Web.Mail;

/// <summary>
/// Turns a <see cref="MailContent"/> into an outbox row's subject and bodies. The HTML comes from a Razor component
/// rendered outside any request, so jobs render mail the same way pages do.
/// </summary>
public sealed class MailRenderer(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    public async Task<OutgoingMail> RenderAsync(string recipient, string template, MailContent content, MailBranding branding)
    {
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(MailBody.Content)] = content,
            [nameof(MailBody.Branding)] = branding,
        });
        // A renderer keeps every component it rendered until it is disposed, so one shared for the app's lifetime held
        // every mail ever written: a digest run of 10,000 mails kept about a gigabyte, and the collector spent the run
        // copying it. A renderer per mail costs about as much as one render. It asks for scoped framework services,
        // hence a scope of its own.
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<MailBody>(parameters)).ToHtmlString());
        return new OutgoingMail(recipient, template, branding.Culture, content.Subject, html, MailText.Render(content, branding),
            content.Unsubscribe?.Url);
    }

    public static MailBranding Branding(string townName, string accentColour, string culture) =>
        new(townName, accentColour, culture, Cultures.IsRightToLeft(culture));
}
