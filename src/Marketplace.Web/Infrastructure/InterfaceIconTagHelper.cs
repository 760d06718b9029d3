using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// <c>&lt;interface-icon name="map-pin" /&gt;</c>: one of the pages' own marks (<see cref="InterfaceIcons"/>) from the
/// shipped sprite, hidden from screen readers; the words beside it carry the meaning.
/// </summary>
[HtmlTargetElement("interface-icon", Attributes = "name", TagStructure = TagStructure.WithoutEndTag)]
public sealed class InterfaceIconTagHelper(IFileVersionProvider versions) : TagHelper
{
    public string? Name { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // The names are written in the pages, not by users: a name the sprite lacks is a mistake to see at once, not a blank.
        if (!InterfaceIcons.IsKnown(Name))
        {
            throw new InvalidOperationException($"No symbol '{Name}' in {InterfaceIcons.SpritePath}; add it to wwwroot/lib/icons.sh and InterfaceIcons.");
        }

        SpriteIcon.Write(output, versions.AddFileVersionToPath(ViewContext.HttpContext.Request.PathBase, InterfaceIcons.SpritePath), Name!);
    }
}
