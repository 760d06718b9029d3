using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Mail;

/// <summary>
/// Writes a mail of the current town (or of the platform, outside a town) into the outbox: composed in the recipient's
/// language, rendered with the town's name and colour. Nothing is sent here; the caller's save commits the row.
/// </summary>
public sealed class TownMail(MailRenderer renderer, OutboxWriter writer, ITenantContext tenant, AppDbContext db,
    IStringLocalizer<SharedResource> resources)
{
    // User text (names, titles) in mail is isolated: FSI/PDI in the text part and subject, <bdi> in the HTML part.
    private readonly IsolatingLocalizer _l = new(resources);

    private string? _colour;

    /// <summary>Queues the mail unless one with <paramref name="idempotencyKey"/> was queued before; returns whether it was.</summary>
    public async Task<bool> QueueAsync(string recipient, string culture, string template, string idempotencyKey, Func<MailContent> compose)
    {
        if (await writer.ExistsAsync(idempotencyKey))
        {
            return false;
        }

        return writer.Add(await RenderAsync(recipient, culture, template, compose), idempotencyKey);
    }

    /// <summary>
    /// Composes and renders the mail without queueing it, for a caller that queues in bulk (in a scope of its own); uses
    /// this scope's context for the town's colour.
    /// </summary>
    public async Task<OutgoingMail> RenderAsync(string recipient, string culture, string template, Func<MailContent> compose)
    {
        MailContent content;
        MailBranding branding;
        using (CultureScope.Use(culture))
        {
            branding = await BrandingAsync();
            var composed = compose();
            content = composed with { Footer = [.. composed.Footer, _l["Mail_Footer", branding.TownName]] };
        }

        return await renderer.RenderAsync(recipient, template, content, branding);
    }

    /// <summary>Inside the recipient's culture: the platform's own name is translated.</summary>
    private async Task<MailBranding> BrandingAsync()
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        if (tenant.Tenant is { } town)
        {
            // A town being created in this scope is not saved yet.
            _colour ??= db.Tenants.Local.FirstOrDefault(t => t.Id == town.Id)?.AccentColour
                ?? await db.Tenants.Where(t => t.Id == town.Id).Select(t => t.AccentColour).SingleAsync();
            return MailRenderer.Branding(town.Name, _colour, culture);
        }

        return MailRenderer.Branding(_l["Platform_Name"].Value, Tenant.DefaultAccentColour, culture);
    }
}
