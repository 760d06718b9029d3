namespace Marketplace.Web.Domain;

/// <summary>
/// Nobody decides on their own submission: an office member does not review an organisation they registered or belong
/// to, nor approve hours they logged. Every approval of the office asks this one rule, with the people who submitted
/// what is decided (the organisation's creator and members, the volunteer, later a budget's applicants).
/// </summary>
public static class SelfDecision
{
    /// <summary>True when the decider is one of the submitters; an unknown submitter (null) is nobody.</summary>
    public static bool IsOwn(string deciderUserId, IEnumerable<string?> submitterUserIds) =>
        submitterUserIds.Any(submitter => submitter is not null && submitter == deciderUserId);
}
