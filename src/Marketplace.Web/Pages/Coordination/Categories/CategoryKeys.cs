using System.Globalization;
using System.Text;

namespace Marketplace.Web.Pages.Coordination.Categories;

/// <summary>Stable keys for new categories, made from the German name: "Gärten & Grünflächen" → "gaerten-gruenflaechen".</summary>
public static class CategoryKeys
{
    /// <summary>Leaves room below the column's 60 characters for a "-2" style suffix.</summary>
    public const int MaxSlugLength = 55;

    public const string Fallback = "kategorie";

    public static string Slug(string name)
    {
        var text = name.Trim().ToLowerInvariant()
            .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // é → e
            }

            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString();
        if (result.Length > MaxSlugLength)
        {
            result = result[..MaxSlugLength];
        }

        result = result.Trim('-');
        return result.Length == 0 ? Fallback : result;
    }

    /// <summary>The slug itself when free, else the slug with the first free number from 2 on.</summary>
    public static string Unique(string slug, IReadOnlySet<string> taken)
    {
        if (!taken.Contains(slug))
        {
            return slug;
        }

        for (var n = 2; ; n++)
        {
            var candidate = $"{slug}-{n}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
