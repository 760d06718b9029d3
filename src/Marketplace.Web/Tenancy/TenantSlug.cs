using System.Text.RegularExpressions;

namespace Marketplace.Web.Tenancy;

public static partial class TenantSlug
{
    public const int MaxLength = 40;

    /// <summary>Labels that would be confusing or dangerous as a town's subdomain.</summary>
    private static readonly HashSet<string> Reserved =
        ["www", "admin", "api", "mail", "smtp", "static", "assets", "cdn", "app", "status", "help", "support"];

    public static bool IsWellFormed(string slug) =>
        slug.Length is >= 2 and <= MaxLength && SlugPattern().IsMatch(slug);

    public static bool IsAvailableName(string slug) => IsWellFormed(slug) && !Reserved.Contains(slug);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
