using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Domain;

/// <summary>One login, shared by all municipalities; the user name is a pseudonym and the only name shown.</summary>
public sealed class AppUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }
    public string? PreferredCulture { get; set; }
}
