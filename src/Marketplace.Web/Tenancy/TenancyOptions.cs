namespace Marketplace.Web.Tenancy;

public sealed class TenancyOptions
{
    public const string Section = "Tenancy";

    /// <summary>The domain towns are subdomains of; "localhost" in development so no hosts file is needed.</summary>
    public string BaseDomain { get; set; } = "localhost";
}
