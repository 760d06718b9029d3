using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// <c>&lt;category-icon name="bike" /&gt;</c>: a category's pictogram from the shipped sprite, drawn in the text colour.
/// It is decorative (the category's name always stands beside it), so screen readers skip it. The sprite's address
/// carries its version so a changed sprite reaches browsers that cached the old one.
/// </summary>
[HtmlTargetElement("category-icon", Attributes = "name", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CategoryIconTagHelper(IFileVersionProvider versions) : TagHelper
{
    public string? Name { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var sprite = versions.AddFileVersionToPath(ViewContext.HttpContext.Request.PathBase, CategoryIcons.SpritePath);
        SpriteIcon.Write(output, sprite, CategoryIcons.OrGeneric(Name));
    }
}
