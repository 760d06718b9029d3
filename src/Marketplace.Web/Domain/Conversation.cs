namespace Marketplace.Web.Domain;

/// <summary>
/// A conversation about one listing between its poster (owner) and one respondent. Contact details pass only
/// when a side presses "share"; until then each sees the other's user name only.
/// </summary>
public sealed class Conversation : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int ListingId { get; set; }
    public required string OwnerUserId { get; set; }
    public required string RespondentUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastMessageAt { get; set; }
    public DateTimeOffset? OwnerReadAt { get; set; }
    public DateTimeOffset? RespondentReadAt { get; set; }
    public bool OwnerSharesEmail { get; set; }
    public bool OwnerSharesPhone { get; set; }
    public bool RespondentSharesEmail { get; set; }
    public bool RespondentSharesPhone { get; set; }

    public Listing? Listing { get; set; }
    public AppUser? Owner { get; set; }
    public AppUser? Respondent { get; set; }
    public List<Message> Messages { get; set; } = [];

    public bool Involves(string userId) => OwnerUserId == userId || RespondentUserId == userId;
}

public sealed class Message : ITenantOwned
{
    public const int BodyMaxLength = 4000;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int ConversationId { get; set; }
    public required string SenderUserId { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public bool IsHidden { get; set; }

    public Conversation? Conversation { get; set; }
    public AppUser? Sender { get; set; }
}

public enum MatchSource
{
    Marketplace = 0,
    Coordination = 1,
}

/// <summary>
/// Where a match stands. Marketplace fulfilments are recorded as <see cref="Completed"/>; a coordinator's proposal
/// starts as <see cref="Proposed"/> and becomes <see cref="Accepted"/> once both sides said yes and the offer had a place left.
/// </summary>
public enum MatchStatus
{
    Completed = 0,
    Proposed = 1,
    Accepted = 2,
    Declined = 3,
    Disputed = 4,
}

public enum MatchAnswer
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
}

/// <summary>A request paired with an offer or a helper (Vermittlung). The marketplace records one when a poster marks a listing fulfilled.</summary>
public sealed class Match : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>The request (coordination) or the fulfilled listing (marketplace).</summary>
    public int ListingId { get; set; }

    /// <summary>Whom the poster named as the other side, if anyone.</summary>
    public string? CounterpartUserId { get; set; }
    public int? ConversationId { get; set; }
    public MatchSource Source { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public MatchStatus Status { get; set; }

    /// <summary>The offer a coordinator proposed; its places go down when the match is accepted.</summary>
    public int? OfferListingId { get; set; }

    public string? ProposedByUserId { get; set; }
    public MatchAnswer RequestAnswer { get; set; }
    public MatchAnswer OfferAnswer { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}
