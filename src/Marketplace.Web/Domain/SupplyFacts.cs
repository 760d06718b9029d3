namespace Marketplace.Web.Domain;

/// <summary>What happened to supply or demand. Stored as these numbers: never renumber.</summary>
public enum SupplyEvent
{
    /// <summary>The listing became visible to others: first publication, renewal after it ended, resume after a pause.</summary>
    Published = 1,

    /// <summary>Somebody opened the first conversation about the listing (a response, for the surplus rule).</summary>
    Contacted = 2,

    /// <summary>A coordinator proposed a match for it.</summary>
    Proposed = 3,

    /// <summary>A proposal went back to the queue (declined, unanswered, no place left, a rule no longer met).</summary>
    ProposalEnded = 4,

    /// <summary>Both sides said yes to a proposal, or the poster marked the listing fulfilled.</summary>
    Matched = 5,

    /// <summary>The sides confirmed that the help happened.</summary>
    Completed = 6,

    /// <summary>Its time ran out with nobody matched.</summary>
    ExpiredUnmatched = 7,

    /// <summary>Taken off the marketplace by its poster (closed, paused), by moderation, or with the poster's account.</summary>
    Withdrawn = 8,
}

/// <summary>
/// One change of supply or demand, kept for the office's view of gaps and surplus (Lücken und Überangebot). Append-only
/// and anonymous: no person, no text; it outlives the listing (no foreign key to it), which may expire, be closed,
/// anonymised or deleted. Written in the same transaction as the change it records (Gaps/SupplyFactRecorder).
/// <see cref="ListingKey"/> is the listing's number without a link to it: it pairs a publication with the fact that
/// ends it, so that "open at the end of a past week" and "waiting longer than a week" can be replayed from the facts
/// alone; it is never shown or exported.
/// </summary>
public sealed class SupplyFact : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public SupplyEvent Event { get; set; }
    public ListingType Side { get; set; }

    /// <summary>The top category (the listing's own when it has no parent).</summary>
    public int CategoryId { get; set; }

    /// <summary>The listing's category when it is a sub-category; 0 when the listing sits in a top category.</summary>
    public int SubCategoryId { get; set; }

    public int DistrictId { get; set; }

    /// <summary>When the help is needed or offered, where the poster said; <see cref="DayParts.None"/> when unknown.</summary>
    public DayParts DayParts { get; set; }

    public DateTimeOffset At { get; set; }
    public int ListingKey { get; set; }

    /// <summary>Whether the listing is no longer open after this fact (an offer with places left stays open when matched).</summary>
    public bool Closes { get; set; }

    /// <summary>On a request's <see cref="SupplyEvent.Matched"/>: town days from its first publication to the match.</summary>
    public int? DaysToMatch { get; set; }
}

/// <summary>
/// A listing open at the last point the weekly aggregates were built to: the state the incremental build carries from
/// one run to the next (Gaps/WeeklySupplyBuilder). A rebuild clears it and replays every fact.
/// </summary>
public sealed class OpenSupply : ITenantOwned
{
    public Guid TenantId { get; set; }
    public int ListingKey { get; set; }
    public ListingType Side { get; set; }
    public int CategoryId { get; set; }
    public int SubCategoryId { get; set; }
    public int DistrictId { get; set; }
    public DayParts DayParts { get; set; }

    /// <summary>Start of the current open spell.</summary>
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>The last contact, proposal or match (or the opening): an offer idle since then counts towards surplus.</summary>
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>A coordinator's proposal is pending: the request is not waiting with nobody to serve it.</summary>
    public int PendingProposals { get; set; }

    /// <summary>A match was accepted while the listing stayed open (an offer with places left).</summary>
    public bool Matched { get; set; }
}

/// <summary>
/// The weekly aggregate of one cell (top category, sub-category, district) and side. Weeks are ISO weeks in the
/// town's time zone (Monday 00:00 local to the next Monday). Counts are of listings' events, never of people. A week
/// is frozen once it has ended and been built; the current week is rebuilt by every run.
/// </summary>
public sealed class WeeklySupply : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>The Monday that starts the week, in the town's calendar.</summary>
    public DateOnly WeekStart { get; set; }

    public int CategoryId { get; set; }

    /// <summary>0 for listings in the top category itself.</summary>
    public int SubCategoryId { get; set; }

    public int DistrictId { get; set; }
    public ListingType Side { get; set; }

    public int Published { get; set; }
    public int Contacted { get; set; }
    public int Proposed { get; set; }
    public int Matched { get; set; }
    public int Completed { get; set; }
    public int ExpiredUnmatched { get; set; }
    public int Withdrawn { get; set; }

    /// <summary>Open at the week's end (for the current week: at the last build).</summary>
    public int OpenAtWeekEnd { get; set; }

    /// <summary>
    /// Of those, the ones that linger: requests open longer than the town's <see cref="Tenant.GapWaitingDays"/> with no
    /// pending proposal and no match; offers with no contact, proposal or match for <see cref="Tenant.SurplusIdleDays"/>.
    /// </summary>
    public int StaleAtWeekEnd { get; set; }

    /// <summary>Requests matched in the week within 7 days of publication.</summary>
    public int MatchedWithin7Days { get; set; }

    // Time to match of the requests matched in the week, in town days (the histogram buckets).
    public int DaysToMatch0To1 { get; set; }
    public int DaysToMatch2To3 { get; set; }
    public int DaysToMatch4To7 { get; set; }
    public int DaysToMatch8To30 { get; set; }
    public int DaysToMatchOver30 { get; set; }
}

/// <summary>
/// Volunteers of the office's register available in a cell (top category, district) in a week, as the last build of that
/// week saw them: the register keeps no history, so this snapshot is all a past week can show. Not rebuilt from facts.
/// A volunteer counts in every category and district they chose; day parts from <see cref="WeeklyAvailability"/>.
/// </summary>
public sealed class WeeklyVolunteers : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public DateOnly WeekStart { get; set; }
    public int CategoryId { get; set; }
    public int DistrictId { get; set; }
    public int Available { get; set; }
    public int Mornings { get; set; }
    public int Afternoons { get; set; }
    public int Evenings { get; set; }
    public int Weekends { get; set; }
}

/// <summary>How far the weekly aggregates of a town are built: the facts up to here are folded in.</summary>
public sealed class SupplyWatermark : ITenantOwned
{
    public Guid TenantId { get; set; }
    public DateTimeOffset FoldedUpTo { get; set; }
    public long LastFactId { get; set; }
    public DateTimeOffset BuiltAt { get; set; }
}
