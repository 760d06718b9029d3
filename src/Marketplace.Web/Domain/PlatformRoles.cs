namespace Marketplace.Web.Domain;

public static class PlatformRoles
{
    public const string PlatformAdmin = "PlatformAdmin";
}
