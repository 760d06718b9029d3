using System.Globalization;
using Marketplace.Web.Mail.Templates;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Marketplace.Web.Mail;

/// <summary>
/// Turns a <see cref="MailContent"/> into an outbox row's subject and bodies. The HTML comes from a Razor component
/// rendered outside any request, so jobs render mail the same way pages do.
/// </summary>
public sealed class MailRenderer : IAsyncDisposable
{
    // The renderer asks for scoped framework services, so it lives in a scope of its own for the app's lifetime;
    // its dispatcher runs one render at a time, which makes one instance safe to share.
    private readonly AsyncServiceScope _scope;
    private readonly HtmlRenderer _renderer;

    public MailRenderer(IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        _scope = scopes.CreateAsyncScope();
        _renderer = new HtmlRenderer(_scope.ServiceProvider, loggers);
    }

    public async Task<OutgoingMail> RenderAsync(string recipient, string template, MailContent content, MailBranding branding)
    {
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(MailBody.Content)] = content,
            [nameof(MailBody.Branding)] = branding,
        });
        var html = await _renderer.Dispatcher.InvokeAsync(async () =>
            (await _renderer.RenderComponentAsync<MailBody>(parameters)).ToHtmlString());
        return new OutgoingMail(recipient, template, branding.Culture, content.Subject, html, MailText.Render(content, branding),
            content.Unsubscribe?.Url);
    }

    public static MailBranding Branding(string townName, string accentColour, string culture) =>
        new(townName, accentColour, culture, CultureInfo.GetCultureInfo(culture).TextInfo.IsRightToLeft);

    public async ValueTask DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
