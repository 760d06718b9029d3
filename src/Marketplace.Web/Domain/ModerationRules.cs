namespace Marketplace.Web.Domain;

/// <summary>What the moderation rules know of a target: a listing, a message or a member of the town.</summary>
public sealed record ModerationState(bool IsHidden, bool IsClosed, bool IsBlocked, bool IsStaff);

/// <summary>
/// An allowed decision: the target's state after it (null when the target is gone) and what becomes of the target's
/// open reports: <see cref="ReportStatus.Resolved"/> when the reporters were right, <see cref="ReportStatus.Dismissed"/>
/// when the target stays or comes back.
/// </summary>
public sealed record ModerationDecision(ModerationState? NewState, ReportStatus ReportOutcome);

/// <summary>The coordination office's moderation decisions as a table: action × target type and state.</summary>
public static class ModerationRules
{
    /// <summary>
    /// The decision for an action on a target, or null when the action does not fit the target in its state. The
    /// queue offers exactly the allowed actions and the handler accepts no other. Automatic hiding is not a
    /// coordinator's action (see <see cref="HidesAtThreshold"/>).
    /// </summary>
    public static ModerationDecision? Decide(ReportTarget type, ModerationState? state, int openReports, ModerationActionKind action)
    {
        if (action == ModerationActionKind.Dismiss)
        {
            // Reports on a target that is gone can still be dismissed.
            return openReports > 0 ? new ModerationDecision(state, ReportStatus.Dismissed) : null;
        }

        if (state is null)
        {
            return null;
        }

        return (action, type) switch
        {
            (ModerationActionKind.Hide, ReportTarget.Listing or ReportTarget.Message) when !state.IsHidden =>
                new ModerationDecision(state with { IsHidden = true }, ReportStatus.Resolved),
            (ModerationActionKind.Restore, ReportTarget.Listing or ReportTarget.Message) when state.IsHidden =>
                new ModerationDecision(state with { IsHidden = false }, ReportStatus.Dismissed),
            (ModerationActionKind.Close, ReportTarget.Listing) when !state.IsClosed =>
                new ModerationDecision(state with { IsClosed = true }, ReportStatus.Resolved),
            // Staff are stepped back by the town admin first; this also keeps coordinators from blocking themselves.
            (ModerationActionKind.Block, ReportTarget.User) when !state.IsBlocked && !state.IsStaff =>
                new ModerationDecision(state with { IsBlocked = true }, ReportStatus.Resolved),
            (ModerationActionKind.Unblock, ReportTarget.User) when state.IsBlocked =>
                new ModerationDecision(state with { IsBlocked = false }, ReportStatus.Dismissed),
            _ => null,
        };
    }

    /// <summary>Whether the action fits the target in its current state.</summary>
    public static bool Allows(ReportTarget type, ModerationState? state, int openReports, ModerationActionKind action) =>
        Decide(type, state, openReports, action) is not null;

    /// <summary>
    /// A listing is hidden automatically once its open reports reach the town's threshold (0 turns this off); its
    /// reports stay open for the coordination office.
    /// </summary>
    public static bool HidesAtThreshold(int threshold, int openReports, bool isHidden) =>
        threshold > 0 && openReports >= threshold && !isHidden;
}
