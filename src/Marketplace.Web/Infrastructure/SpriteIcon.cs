using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// One symbol of a shipped SVG sprite in place of a tag helper's element, drawn in the text colour. Always decorative:
/// words beside it say the same, so screen readers skip it and it takes no keyboard focus.
/// </summary>
internal static class SpriteIcon
{
    /// <param name="spriteUrl">The sprite's address with its file version, so a changed sprite reaches browsers that cached the old one.</param>
    public static void Write(TagHelperOutput output, string spriteUrl, string symbol)
    {
        var use = new TagBuilder("use");
        use.Attributes["href"] = $"{spriteUrl}#{symbol}";

        output.TagName = "svg";
        output.TagMode = TagMode.StartTagAndEndTag;
        var existingClass = output.Attributes["class"]?.Value?.ToString();
        output.Attributes.SetAttribute("class", existingClass is null ? "icon" : $"icon {existingClass}");
        output.Attributes.SetAttribute("aria-hidden", "true");
        output.Attributes.SetAttribute("focusable", "false");
        output.Content.SetHtmlContent(use);
    }
}
