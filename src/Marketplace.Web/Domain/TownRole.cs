namespace Marketplace.Web.Domain;

/// <summary>A person's role in one municipality; each role includes the rights of the ones below it.</summary>
public enum TownRole
{
    Member = 0,
    Coordinator = 1,
    TownAdmin = 2,
}
