using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// <c>&lt;compact-html&gt;…&lt;/compact-html&gt;</c>: writes its content without the indentation Razor keeps from the
/// template (a line break stays, so words never run together). Meant inside a <c>&lt;cache&gt;</c>, where it runs once
/// per kept answer: a long office table loses a third of its bytes, which every request would otherwise encode and send.
/// Never around <c>pre</c> or <c>textarea</c>, whose spaces are content.
/// </summary>
[HtmlTargetElement("compact-html")]
public sealed partial class CompactHtmlTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        output.TagName = null;
        output.Content.SetHtmlContent(Compact(content.GetContent()));
    }

    /// <summary>Every run of whitespace that contains a line break becomes one line break.</summary>
    public static string Compact(string html) => LineBreakRun().Replace(html, "\n");

    [GeneratedRegex(@"[ \t\r]*\n\s*")]
    private static partial Regex LineBreakRun();
}
