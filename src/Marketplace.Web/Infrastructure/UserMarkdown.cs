using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Renders text that users wrote: Markdown with raw HTML off, links only to http(s) and mailto with
/// rel="nofollow ugc", images shown as plain links (no third-party requests from a reader's browser).
/// </summary>
public static class UserMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .UseEmphasisExtras()
        .UsePipeTables()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    public static HtmlString Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.IsImage = false;
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }

            link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow ugc noopener");
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(autolink.Url))
            {
                autolink.Url = "#";
            }

            autolink.GetAttributes().AddPropertyIfNotExist("rel", "nofollow ugc noopener");
        }

        return new HtmlString(document.ToHtml(Pipeline));
    }

    /// <summary>Relative links stay inside the site; absolute ones must use a safe scheme (no javascript:, data:, vbscript:).</summary>
    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var trimmed = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = trimmed.IndexOf(':');
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon > 0 && (slash < 0 || colon < slash);
        return !hasScheme || SafeSchemes.Contains(trimmed[..colon].ToLowerInvariant());
    }
}
