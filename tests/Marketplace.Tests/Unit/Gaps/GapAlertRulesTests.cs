using Marketplace.Web.Courses;
using Marketplace.Web.Domain;
using Marketplace.Web.Gaps;

namespace Marketplace.Tests.Unit.Gaps;

/// <summary>The alert rules, table by table: which weeks raise which alert, and where the rules give no verdict.</summary>
public sealed class GapAlertRulesTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    /// <summary>Consecutive weeks of one cell (category 1, district 7), oldest first.</summary>
    private static List<GapMatrix> Weeks(params SupplyCell[] cells) =>
        cells.Select((cell, i) => new GapMatrix(Monday.AddDays(7 * i), new Dictionary<(int, int), GapMatrixCell>
        {
            [(cell.CategoryId, cell.DistrictId)] = new(cell, GapRules.Classify(cell, [])),
        })).ToList();

    private static SupplyCell Requests(int open) => new(1, 7, open, 0, 1, 0, 0);

    private static SupplyCell Idle() => new(1, 7, 0, 0, 3, 3, 0);

    private static SupplyCell Busy() => new(1, 7, 1, 0, 3, 0, 0);

    [Theory]
    [InlineData(4, 5, 6, 5, true)]
    [InlineData(6, 5, 7, 5, false)]
    [InlineData(2, 3, 4, 5, false)]
    [InlineData(3, 4, 5, 5, true)]
    [InlineData(5, 5, 6, 5, false)]
    [InlineData(0, 1, 9, 5, true)]
    [InlineData(4, 5, 6, 7, false)]
    public void RisingRequests(int twoWeeksBefore, int weekBefore, int week, int threshold, bool raised)
    {
        var found = GapAlertRules.Rising(Weeks(Requests(twoWeeksBefore), Requests(weekBefore), Requests(week)), threshold).ToList();

        Assert.Equal(raised, found.Count == 1);
        if (raised)
        {
            Assert.Equal(new FoundAlert(GapAlertKind.RisingRequests, 1, 7, 0, week), found[0]);
        }
    }

    [Fact]
    public void RisingRequests_NeedsThreeWeeks() => Assert.Empty(GapAlertRules.Rising(Weeks(Requests(5), Requests(6)), 5));

    [Theory]
    [InlineData(new[] { 20, 30 }, 14, null)]
    [InlineData(new[] { 20, 30, 40 }, 14, 30)]
    [InlineData(new[] { 1, 2, 30 }, 14, null)]
    [InlineData(new[] { 14, 14, 14 }, 14, null)]
    [InlineData(new[] { 10, 15, 16, 30 }, 14, 16)]
    [InlineData(new int[0], 14, null)]
    public void SlowMatching(int[] days, int medianDays, int? raisedWithValue)
    {
        var matched = days.Select(d => new MatchedRequest(DateTimeOffset.UnixEpoch, 3, 30, 7, d));

        var found = GapAlertRules.SlowMatching(matched, medianDays).ToList();

        Assert.Equal(raisedWithValue is null ? [] : [new FoundAlert(GapAlertKind.SlowMatching, 3, 0, 0, raisedWithValue.Value)], found);
    }

    [Fact]
    public void SlowMatching_JudgesEachCategoryOnItsOwn()
    {
        var matched = new[] { (3, 20), (3, 21), (3, 22), (4, 1), (4, 2), (4, 30) }
            .Select(m => new MatchedRequest(DateTimeOffset.UnixEpoch, m.Item1, 0, 7, m.Item2));

        Assert.Equal([GapAlertKind.SlowMatching], GapAlertRules.SlowMatching(matched, 14).Select(a => a.Kind));
        Assert.Equal(3, Assert.Single(GapAlertRules.SlowMatching(matched, 14)).CategoryId);
    }

    [Theory]
    [InlineData("SSSS", 4, true)]
    [InlineData("BSSS", 4, false)]
    [InlineData("SSSB", 4, false)]
    [InlineData("SBSS", 4, false)]
    [InlineData("BSSSS", 4, true)]
    [InlineData("SSS", 4, false)]
    [InlineData("BBS", 1, true)]
    public void LastingSurplus(string weeks, int surplusWeeks, bool raised)
    {
        var found = GapAlertRules.LastingSurplus(Weeks(weeks.Select(w => w == 'S' ? Idle() : Busy()).ToArray()), surplusWeeks).ToList();

        Assert.Equal(raised ? [new FoundAlert(GapAlertKind.LastingSurplus, 1, 7, 0, surplusWeeks)] : [], found);
    }

    [Fact]
    public void LastingSurplus_AWeekWithoutTheCellBreaksTheRun()
    {
        var weeks = Weeks(Idle(), Idle(), Idle(), Idle());
        weeks[1] = new GapMatrix(weeks[1].WeekStart, new Dictionary<(int, int), GapMatrixCell>());

        Assert.Empty(GapAlertRules.LastingSurplus(weeks, 4));
    }

    [Theory]
    [InlineData(5, 6, false)]
    [InlineData(6, 6, true)]
    [InlineData(9, 6, true)]
    public void CourseInterest_FollowsTheDemandsOwnVerdict(int open, int groupSize, bool raised)
    {
        var row = new DemandRow(LanguageCourseType.Integration, 7, open, open, 0, 0, 0, 0, groupSize);

        var found = GapAlertRules.CourseInterest([row, row with { DistrictId = null, Open = 0 }]).ToList();

        Assert.Equal(raised ? [new FoundAlert(GapAlertKind.CourseInterest, 0, 7, (int)LanguageCourseType.Integration, open)] : [], found);
    }

    [Fact]
    public void Find_TakesTheTownsThresholds()
    {
        var weeks = Weeks(Requests(1), Requests(2), Requests(3), Requests(4));
        var settings = new GapAlertSettings(OpenRequests: 4, MedianDays: 14, SurplusWeeks: 4);

        Assert.Equal(4, settings.WeeksNeeded);
        Assert.Equal([GapAlertKind.RisingRequests], GapAlertRules.Find(weeks, [], [], settings).Select(a => a.Kind));
        Assert.Empty(GapAlertRules.Find(weeks, [], [], settings with { OpenRequests = 5 }));
    }
}
