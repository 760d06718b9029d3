namespace Marketplace.Web.Tenancy;

public sealed class TenancyOptions
{
    public const string Section = "Tenancy";

    /// <summary>The domain towns are subdomains of; "localhost" in development so no hosts file is needed.</summary>
    public string BaseDomain { get; set; } = "localhost";

    /// <summary>Scheme of links written outside a request (mails from jobs); inside a request the request's own is used.</summary>
    public string PublicScheme { get; set; } = "https";

    /// <summary>Port of links written outside a request, when the site is not on the scheme's default port.</summary>
    public int? PublicPort { get; set; }
}
