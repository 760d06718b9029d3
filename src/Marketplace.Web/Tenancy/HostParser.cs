namespace Marketplace.Web.Tenancy;

public enum HostKind
{
    /// <summary>The bare domain (or www.): municipality picker and platform administration.</summary>
    Platform,
    /// <summary>{slug}.{base domain}: one municipality's site, if the slug exists.</summary>
    Town,
    /// <summary>Neither: another domain or a nested subdomain. Never served as a town.</summary>
    Foreign,
}

public sealed record HostResolution(HostKind Kind, string? Slug = null)
{
    public static readonly HostResolution Platform = new(HostKind.Platform);
    public static readonly HostResolution Foreign = new(HostKind.Foreign);
}

/// <summary>Decides from a Host header which municipality a request is for. Pure, so it is table-tested.</summary>
public static class HostParser
{
    public static HostResolution Parse(string? host, string baseDomain)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return HostResolution.Foreign;
        }

        var name = StripPort(host.Trim()).TrimEnd('.').ToLowerInvariant();
        var domain = baseDomain.Trim().TrimEnd('.').ToLowerInvariant();

        if (name.StartsWith("www.", StringComparison.Ordinal))
        {
            name = name[4..];
        }

        if (name == domain)
        {
            return HostResolution.Platform;
        }

        var suffix = "." + domain;
        if (!name.EndsWith(suffix, StringComparison.Ordinal))
        {
            return HostResolution.Foreign;
        }

        var slug = name[..^suffix.Length];
        return TenantSlug.IsWellFormed(slug) ? new HostResolution(HostKind.Town, slug) : HostResolution.Foreign;
    }

    private static string StripPort(string host)
    {
        // An IPv6 literal keeps its colons inside brackets.
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']');
            return end > 0 ? host[..(end + 1)] : host;
        }

        var colon = host.LastIndexOf(':');
        return colon >= 0 ? host[..colon] : host;
    }
}
