namespace Marketplace.Web.Domain;

public enum MatchSource
{
    Marketplace = 0,
    Coordination = 1,
}

/// <summary>
/// Where a match stands. Marketplace fulfilments are recorded as <see cref="Completed"/>; a coordinator's proposal
/// starts as <see cref="Proposed"/>, becomes <see cref="Accepted"/> once both sides said yes and the offer had a place
/// left, and after its time window is <see cref="Completed"/>, <see cref="Disputed"/> or <see cref="NotHappened"/>
/// by the sides' feedback.
/// </summary>
public enum MatchStatus
{
    Completed = 0,
    Proposed = 1,
    Accepted = 2,
    Declined = 3,
    Disputed = 4,
    NotHappened = 5,
}

public enum MatchAnswer
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
}

/// <summary>Why a proposal went back to the queue.</summary>
public enum MatchEndReason
{
    DeclinedByRequest = 1,
    DeclinedByOffer = 2,
    NoAnswer = 3,
    NoPlaceLeft = 4,

    // The helper stopped meeting a rule of the suggestions (Matching/MatchEligibility) before the match could go ahead.
    ClearanceMissing = 5,
    HelperBlocked = 6,
    VolunteerPaused = 7,
    OfferWithdrawn = 8,
    OtherCategory = 9,
    OwnRequest = 10,

    /// <summary>One side's account was deleted.</summary>
    AccountDeleted = 11,

    /// <summary>A qualification the category requires is missing or does not hold on the days of the work.</summary>
    QualificationMissing = 12,
}

/// <summary>A request paired with an offer or a helper (Vermittlung). The marketplace records one when a poster marks a listing fulfilled.</summary>
public sealed class Match : ITenantOwned
{
    public const int CommentMaxLength = 1000;

    /// <summary>Days both sides have to answer a proposal before it goes back to the queue.</summary>
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromDays(7);

    /// <summary>When neither listing says when it ends, feedback is asked this long after acceptance.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromDays(14);

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

    /// <summary>The registered volunteer a coordinator proposed instead of an offer.</summary>
    public string? VolunteerUserId { get; set; }

    public string? ProposedByUserId { get; set; }
    public DateTimeOffset? AnswerDueAt { get; set; }
    public MatchAnswer RequestAnswer { get; set; }
    public MatchAnswer OfferAnswer { get; set; }

    /// <summary>Each side decides for itself whether the other may see its contact details once both said yes.</summary>
    public bool RequestSharesContact { get; set; }
    public bool OfferSharesContact { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
    public MatchEndReason? EndReason { get; set; }

    /// <summary>The first day of the work (set on acceptance): then the helper is checked once more before it goes ahead.</summary>
    public DateOnly? StartsOn { get; set; }

    /// <summary>When that check ran; a match is checked at its start once.</summary>
    public DateTimeOffset? StartCheckedAt { get; set; }

    /// <summary>The day after which both sides are asked whether it happened.</summary>
    public DateOnly? EndsOn { get; set; }
    public DateTimeOffset? FeedbackRequestedAt { get; set; }
    public MatchFeedback RequestFeedback { get; set; } = new();
    public MatchFeedback OfferFeedback { get; set; } = new();
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>One side's answer to "did it happen, did it help?".</summary>
public sealed class MatchFeedback
{
    public bool? Happened { get; set; }

    /// <summary>1 (did not help) to 5 (helped a lot).</summary>
    public int? Rating { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset? At { get; set; }
}

/// <summary>The feedback rule: a match is completed when either side confirms it happened, disputed when they disagree.</summary>
public static class MatchOutcome
{
    public static MatchStatus? From(bool? request, bool? offer) => (request, offer) switch
    {
        (true, false) or (false, true) => MatchStatus.Disputed,
        (true, _) or (_, true) => MatchStatus.Completed,
        (false, false) or (false, null) or (null, false) => MatchStatus.NotHappened,
        _ => null,
    };
}
