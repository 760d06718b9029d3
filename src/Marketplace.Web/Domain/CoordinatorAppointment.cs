namespace Marketplace.Web.Domain;

/// <summary>
/// An appointment to a role for an e-mail address that has no confirmed account in the town yet.
/// It takes effect when an account with that confirmed address signs in to or registers with the town.
/// </summary>
public sealed class CoordinatorAppointment : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public required string NormalizedEmail { get; set; }
    public TownRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
}
