using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using Marketplace.Web.Domain;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination;

/// <summary>
/// <c>&lt;office-nav /&gt;</c>: the coordination office's sub-navigation, on every office page. It differs only by
/// language and by whether the reader is a town admin (the audit log), so it is written once per language and role
/// and kept for the life of the process (the texts come from the compiled resources); a partial view rendered it anew
/// on every request (bench/README, "Office pages").
/// </summary>
[HtmlTargetElement("office-nav", TagStructure = TagStructure.WithoutEndTag)]
public sealed class OfficeNavTagHelper(CurrentMember member, IStringLocalizer<SharedResource> l, HtmlEncoder encoder) : TagHelper
{
    private sealed record Link(string Path, string TestId, string TextKey, TownRole Role = TownRole.Coordinator);

    private static readonly Link[] Links =
    [
        new("/coordination", "dashboard", "Coordination_Dashboard"),
        new("/coordination/requests", "requests", "Queue_Title"),
        new("/coordination/volunteers", "volunteers", "Volunteers_Title"),
        new("/coordination/gaps", "gaps", "Coordination_Gaps"),
        new("/coordination/courses", "courses", "Coordination_Courses"),
        new("/coordination/budgets", "budgets", "Coordination_Budgets"),
        new("/coordination/hours", "hours", "Coordination_Hours"),
        new("/coordination/effects", "effects", "Coordination_Effects"),
        new("/coordination/inquiries", "inquiries", "Coordination_Inquiries"),
        new("/coordination/intake", "intake", "Coordination_Intake"),
        new("/coordination/moderation", "moderation", "Coordination_Moderation"),
        new("/coordination/audit", "audit", "Coordination_Audit", TownRole.TownAdmin),
    ];

    private static readonly ConcurrentDictionary<(string Culture, bool TownAdmin), string> Written = new();

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var townAdmin = await member.IsAtLeastAsync(TownRole.TownAdmin);
        output.TagName = null;
        output.Content.SetHtmlContent(Written.GetOrAdd((CultureInfo.CurrentUICulture.Name, townAdmin), _ => Write(townAdmin)));
    }

    private string Write(bool townAdmin)
    {
        var html = new StringWriter();
        html.Write("<nav class=\"sub-nav\" aria-label=\"");
        encoder.Encode(html, l["Coordination_Title"]);
        html.Write("\">");
        foreach (var link in Links.Where(link => link.Role == TownRole.Coordinator || townAdmin))
        {
            html.Write($"\n<a href=\"{link.Path}\" data-testid=\"coordination-nav-{link.TestId}\">");
            encoder.Encode(html, l[link.TextKey]);
            html.Write("</a>");
        }

        html.Write("\n</nav>");
        return html.ToString();
    }
}
