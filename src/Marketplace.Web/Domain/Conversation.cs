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
