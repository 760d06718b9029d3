using Markdig;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Help, privacy and imprint pages from content/: content/tenants/{slug}/{lang}/{page}.md overrides
/// content/{lang}/{page}.md; German is the fallback language. A rendered page is kept for <see cref="CacheFor"/>, so
/// an edited file shows within that time without Markdown being parsed on every request.
/// </summary>
public sealed class ContentPages(string root, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAdvancedExtensions().Build();

    public static bool IsValidName(string page) => page.Length is > 0 and <= 40 && page.All(c => char.IsAsciiLetterLower(c) || c == '-');

    public sealed record Rendered(string Title, HtmlString Body);

    public Rendered? Render(string page, string culture, string? townSlug)
    {
        if (!IsValidName(page))
        {
            return null;
        }

        var key = (nameof(ContentPages), page, culture, townSlug);
        if (cache.TryGetValue(key, out Rendered? rendered))
        {
            return rendered;
        }

        // Only pages that exist are kept: made-up names cannot fill the cache.
        rendered = RenderFromFile(page, culture, townSlug);
        if (rendered is not null)
        {
            cache.Set(key, rendered, CacheFor);
        }

        return rendered;
    }

    private Rendered? RenderFromFile(string page, string culture, string? townSlug)
    {
        var candidates = new List<string>();
        foreach (var lang in new[] { culture, Localization.Cultures.Default }.Distinct())
        {
            if (townSlug is not null)
            {
                candidates.Add(Path.Combine(root, "tenants", townSlug, lang, page + ".md"));
            }

            candidates.Add(Path.Combine(root, lang, page + ".md"));
        }

        var file = candidates.FirstOrDefault(File.Exists);
        if (file is null)
        {
            return null;
        }

        var markdown = File.ReadAllText(file);
        var title = markdown.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith("# ", StringComparison.Ordinal))?[2..] ?? page;
        return new Rendered(title, new HtmlString(Markdown.ToHtml(markdown, Pipeline)));
    }
}
