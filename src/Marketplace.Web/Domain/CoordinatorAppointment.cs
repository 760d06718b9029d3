namespace Marketplace.Web.Domain;

/// <summary>
/// An appointment to a role in the town for an e-mail address, waiting for the person to accept.
/// It takes effect when an account with that confirmed address signs in to the town or confirms its address there.
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
