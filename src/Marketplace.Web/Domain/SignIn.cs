namespace Marketplace.Web.Domain;

/// <summary>One wrong password for an account from one client address; the lockout counts these per account and address.</summary>
public sealed class LoginFailure
{
    public const int AccountMaxLength = 300;

    public long Id { get; set; }

    /// <summary>
    /// The account's id; for a name or address without an account, "?" and what was typed, so that such a login locks
    /// exactly like a real one and the lock tells nobody whether an account exists.
    /// </summary>
    public required string Account { get; set; }

    /// <summary>The client's IPv4 address, or its IPv6 /64 network (one household or server holds a whole /64).</summary>
    public required string ClientAddress { get; set; }

    public DateTimeOffset FailedAt { get; set; }
}

/// <summary>
/// A one-time sign-in link mailed to an account's address. Only a hash of its secret is stored, so a copy of the
/// database opens no account; it works once, until it expires, on the host (town or platform) that sent it.
/// </summary>
public sealed class LoginLink
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string UserId { get; set; }
    public required string TokenHash { get; set; }

    /// <summary>The town (or the platform) the link was requested on, as the login cookie's host claim names it.</summary>
    public required string Host { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
