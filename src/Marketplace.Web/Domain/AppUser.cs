using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Domain;

/// <summary>One login, shared by all municipalities; the user name is a pseudonym and the only name shown.</summary>
public sealed class AppUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The language mails to this account are written in: the one chosen on the account page, else the one the person
    /// last switched the site to.
    /// </summary>
    public string? PreferredCulture { get; set; }

    /// <summary>The person chose <see cref="PreferredCulture"/> on the account page, so switching the site's language leaves it.</summary>
    public bool MailCultureChosen { get; set; }
}
