using Marketplace.Web.Domain;
using static Marketplace.Web.Domain.ModerationActionKind;

namespace Marketplace.Tests.Unit.Moderation;

/// <summary>The moderation decision table: which action fits which target in which state, and what follows.</summary>
public sealed class ModerationRulesTests
{
    private static readonly Dictionary<string, (ReportTarget Type, ModerationState? State)> Targets = new()
    {
        ["visible listing"] = (ReportTarget.Listing, new(IsHidden: false, IsClosed: false, IsBlocked: false, IsStaff: false)),
        ["hidden listing"] = (ReportTarget.Listing, new(IsHidden: true, IsClosed: false, IsBlocked: false, IsStaff: false)),
        ["closed listing"] = (ReportTarget.Listing, new(IsHidden: false, IsClosed: true, IsBlocked: false, IsStaff: false)),
        ["hidden closed listing"] = (ReportTarget.Listing, new(IsHidden: true, IsClosed: true, IsBlocked: false, IsStaff: false)),
        ["gone listing"] = (ReportTarget.Listing, null),
        ["visible message"] = (ReportTarget.Message, new(IsHidden: false, IsClosed: false, IsBlocked: false, IsStaff: false)),
        ["hidden message"] = (ReportTarget.Message, new(IsHidden: true, IsClosed: false, IsBlocked: false, IsStaff: false)),
        ["gone message"] = (ReportTarget.Message, null),
        ["member"] = (ReportTarget.User, new(IsHidden: false, IsClosed: false, IsBlocked: false, IsStaff: false)),
        ["blocked member"] = (ReportTarget.User, new(IsHidden: false, IsClosed: false, IsBlocked: true, IsStaff: false)),
        ["staff"] = (ReportTarget.User, new(IsHidden: false, IsClosed: false, IsBlocked: false, IsStaff: true)),
        ["blocked staff"] = (ReportTarget.User, new(IsHidden: false, IsClosed: false, IsBlocked: true, IsStaff: true)),
        ["gone member"] = (ReportTarget.User, null),
    };

    /// <summary>The whole table: what a coordinator may do with each target while it has open reports; every other action is refused.</summary>
    public static TheoryData<string, string> AllowedWithReports => new()
    {
        { "visible listing", "Hide Close Dismiss" },
        { "hidden listing", "Restore Close Dismiss" },
        { "closed listing", "Hide Dismiss" },
        { "hidden closed listing", "Restore Dismiss" },
        { "gone listing", "Dismiss" },
        { "visible message", "Hide Dismiss" },
        { "hidden message", "Restore Dismiss" },
        { "gone message", "Dismiss" },
        { "member", "Block Dismiss" },
        { "blocked member", "Unblock Dismiss" },
        { "staff", "Dismiss" },
        { "blocked staff", "Unblock Dismiss" },
        { "gone member", "Dismiss" },
    };

    /// <summary>Each allowed decision: the target's state after it (by name; a gone target stays gone) and the reports' outcome.</summary>
    public static TheoryData<string, ModerationActionKind, string, ReportStatus> Decisions => new()
    {
        { "visible listing", Hide, "hidden listing", ReportStatus.Resolved },
        { "closed listing", Hide, "hidden closed listing", ReportStatus.Resolved },
        { "hidden listing", Restore, "visible listing", ReportStatus.Dismissed },
        { "hidden closed listing", Restore, "closed listing", ReportStatus.Dismissed },
        { "visible listing", Close, "closed listing", ReportStatus.Resolved },
        { "hidden listing", Close, "hidden closed listing", ReportStatus.Resolved },
        { "visible message", Hide, "hidden message", ReportStatus.Resolved },
        { "hidden message", Restore, "visible message", ReportStatus.Dismissed },
        { "member", Block, "blocked member", ReportStatus.Resolved },
        { "blocked member", Unblock, "member", ReportStatus.Dismissed },
        { "blocked staff", Unblock, "staff", ReportStatus.Dismissed },
        { "visible listing", Dismiss, "visible listing", ReportStatus.Dismissed },
        { "hidden listing", Dismiss, "hidden listing", ReportStatus.Dismissed },
        { "closed listing", Dismiss, "closed listing", ReportStatus.Dismissed },
        { "hidden closed listing", Dismiss, "hidden closed listing", ReportStatus.Dismissed },
        { "gone listing", Dismiss, "gone listing", ReportStatus.Dismissed },
        { "visible message", Dismiss, "visible message", ReportStatus.Dismissed },
        { "hidden message", Dismiss, "hidden message", ReportStatus.Dismissed },
        { "gone message", Dismiss, "gone message", ReportStatus.Dismissed },
        { "member", Dismiss, "member", ReportStatus.Dismissed },
        { "blocked member", Dismiss, "blocked member", ReportStatus.Dismissed },
        { "staff", Dismiss, "staff", ReportStatus.Dismissed },
        { "blocked staff", Dismiss, "blocked staff", ReportStatus.Dismissed },
        { "gone member", Dismiss, "gone member", ReportStatus.Dismissed },
    };

    private static HashSet<ModerationActionKind> Actions(string names) =>
        names.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ModerationActionKind>).ToHashSet();

    [Theory]
    [MemberData(nameof(AllowedWithReports))]
    public void EveryAction_IsAllowedExactlyWhereTheTableSays(string target, string allowed)
    {
        var (type, state) = Targets[target];
        var expected = Actions(allowed);

        foreach (var action in Enum.GetValues<ModerationActionKind>())
        {
            Assert.True(expected.Contains(action) == ModerationRules.Allows(type, state, openReports: 2, action), $"{action} on {target}");
            Assert.True(expected.Contains(action) == (ModerationRules.Decide(type, state, openReports: 2, action) is not null), $"{action} on {target}");
        }
    }

    [Theory]
    [MemberData(nameof(AllowedWithReports))]
    public void WithoutOpenReports_NothingIsDismissed_AndTheRestStays(string target, string allowed)
    {
        var (type, state) = Targets[target];
        var expected = Actions(allowed);
        expected.Remove(Dismiss);

        foreach (var action in Enum.GetValues<ModerationActionKind>())
        {
            Assert.True(expected.Contains(action) == ModerationRules.Allows(type, state, openReports: 0, action), $"{action} on {target}");
        }
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void AllowedDecision_GivesTheNewState_AndTheReportsOutcome(string target, ModerationActionKind action, string after, ReportStatus outcome)
    {
        var (type, state) = Targets[target];

        var decision = ModerationRules.Decide(type, state, openReports: 1, action);

        Assert.NotNull(decision);
        Assert.Equal(Targets[after].State, decision.NewState);
        Assert.Equal(outcome, decision.ReportOutcome);
    }

    [Fact]
    public void TheTables_CoverEveryTarget_AndEveryAllowedDecision()
    {
        var table = AllowedWithReports.Select(row => ((string)row[0], (string)row[1])).ToList();
        Assert.Equal(Targets.Keys.Order(), table.Select(row => row.Item1).Order());

        var allowed = table.SelectMany(row => Actions(row.Item2).Select(action => (row.Item1, action))).Order().ToList();
        var decided = Decisions.Select(row => ((string)row[0], (ModerationActionKind)row[1])).Order().ToList();
        Assert.Equal(allowed, decided);
    }

    [Fact]
    public void AutomaticHiding_IsNeverACoordinatorsDecision()
    {
        foreach (var (type, state) in Targets.Values)
        {
            Assert.Null(ModerationRules.Decide(type, state, openReports: 5, AutoHide));
        }
    }

    [Theory]
    [InlineData(3, 2, false, false)]
    [InlineData(3, 3, false, true)]
    [InlineData(3, 4, false, true)]
    [InlineData(3, 3, true, false)]
    [InlineData(1, 1, false, true)]
    [InlineData(0, 10, false, false)]
    [InlineData(-1, 10, false, false)]
    public void Listing_IsHiddenAutomatically_OnceItsOpenReportsReachTheThreshold(int threshold, int openReports, bool isHidden, bool hides) =>
        Assert.Equal(hides, ModerationRules.HidesAtThreshold(threshold, openReports, isHidden));
}
