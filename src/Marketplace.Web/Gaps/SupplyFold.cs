using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;

namespace Marketplace.Web.Gaps;

/// <summary>
/// The fold of <see cref="WeeklySupplyBuilder"/>, without I/O: facts in (At, Id) order go into the open-listing state
/// and the counters of the week they fall in; each crossing of a week's end writes that week's open and stale counts
/// from the state, also for weeks without a fact.
/// </summary>
public sealed class SupplyFold(TimeZoneInfo zone, int waitingDays, int idleDays)
{
    private readonly Dictionary<int, OpenSupply> _open = [];
    private readonly HashSet<int> _touched = [];
    private readonly List<WeeklySupply> _written = [];
    private Dictionary<SupplyCellKey, WeeklySupply> _week = [];
    private DateOnly _weekStart;
    private DateTimeOffset _weekEnd;

    /// <summary>The listings whose open state this fold changed (opened, closed or updated).</summary>
    public IReadOnlyCollection<int> Touched => _touched;

    /// <param name="open">The state the last run left.</param>
    /// <param name="weekRows">The rows of <paramref name="week"/> the last run wrote: their counters go on.</param>
    public void Start(DateOnly week, IEnumerable<OpenSupply> open, IEnumerable<WeeklySupply> weekRows)
    {
        foreach (var row in open)
        {
            _open[row.ListingKey] = row;
        }

        StartWeek(week);
        foreach (var row in weekRows)
        {
            var copy = Row(new SupplyCellKey(row.CategoryId, row.SubCategoryId, row.DistrictId, row.Side));
            copy.Published = row.Published;
            copy.Contacted = row.Contacted;
            copy.Proposed = row.Proposed;
            copy.Matched = row.Matched;
            copy.Completed = row.Completed;
            copy.ExpiredUnmatched = row.ExpiredUnmatched;
            copy.Withdrawn = row.Withdrawn;
            copy.MatchedWithin7Days = row.MatchedWithin7Days;
            copy.DaysToMatch0To1 = row.DaysToMatch0To1;
            copy.DaysToMatch2To3 = row.DaysToMatch2To3;
            copy.DaysToMatch4To7 = row.DaysToMatch4To7;
            copy.DaysToMatch8To30 = row.DaysToMatch8To30;
            copy.DaysToMatchOver30 = row.DaysToMatchOver30;
        }
    }

    public void Apply(SupplyFact fact)
    {
        while (fact.At >= _weekEnd)
        {
            CloseWeek(_weekEnd);
            StartWeek(_weekStart.AddDays(7));
        }

        var row = Row(new SupplyCellKey(fact.CategoryId, fact.SubCategoryId, fact.DistrictId, fact.Side));
        _open.TryGetValue(fact.ListingKey, out var open);
        switch (fact.Event)
        {
            case SupplyEvent.Published:
                row.Published++;
                if (open is null)
                {
                    _open[fact.ListingKey] = new OpenSupply
                    {
                        ListingKey = fact.ListingKey, Side = fact.Side, CategoryId = fact.CategoryId, SubCategoryId = fact.SubCategoryId,
                        DistrictId = fact.DistrictId, DayParts = fact.DayParts, OpenedAt = fact.At, LastActivityAt = fact.At,
                    };
                    _touched.Add(fact.ListingKey);
                }

                break;
            case SupplyEvent.Contacted:
                row.Contacted++;
                Touch(open, fact.At);
                break;
            case SupplyEvent.Proposed:
                row.Proposed++;
                if (Touch(open, fact.At) is { } proposed)
                {
                    proposed.PendingProposals++;
                }

                break;
            case SupplyEvent.ProposalEnded:
                if (open is not null && open.PendingProposals > 0)
                {
                    open.PendingProposals--;
                    _touched.Add(fact.ListingKey);
                }

                break;
            case SupplyEvent.Matched:
                row.Matched++;
                CountTimeToMatch(row, fact.DaysToMatch);
                if (Touch(open, fact.At) is { } matched)
                {
                    // A yes to a proposal ends it without a ProposalEnded fact.
                    matched.Matched = true;
                    matched.PendingProposals = Math.Max(0, matched.PendingProposals - 1);
                }

                break;
            case SupplyEvent.Completed:
                row.Completed++;
                break;
            case SupplyEvent.ExpiredUnmatched:
                row.ExpiredUnmatched++;
                break;
            case SupplyEvent.Withdrawn:
                row.Withdrawn++;
                break;
        }

        if (fact.Closes && _open.Remove(fact.ListingKey))
        {
            _touched.Add(fact.ListingKey);
        }
    }

    /// <summary>Ends every week up to <paramref name="asOf"/>; the week it falls in gets its open and stale counts as of then.</summary>
    public IReadOnlyList<WeeklySupply> Finish(DateTimeOffset asOf)
    {
        while (_weekEnd <= asOf)
        {
            CloseWeek(_weekEnd);
            StartWeek(_weekStart.AddDays(7));
        }

        CloseWeek(asOf);
        return _written;
    }

    /// <summary>The row to store for a touched listing; null when it is no longer open.</summary>
    public OpenSupply? OpenRow(int listingKey) => _open.GetValueOrDefault(listingKey) is { } open
        ? new OpenSupply
        {
            ListingKey = open.ListingKey, Side = open.Side, CategoryId = open.CategoryId, SubCategoryId = open.SubCategoryId,
            DistrictId = open.DistrictId, DayParts = open.DayParts, OpenedAt = open.OpenedAt, LastActivityAt = open.LastActivityAt,
            PendingProposals = open.PendingProposals, Matched = open.Matched,
        }
        : null;

    /// <summary>Whether an open listing lingers at <paramref name="at"/> (the rule on <see cref="WeeklySupply.StaleAtWeekEnd"/>).</summary>
    public static bool IsStale(OpenSupply open, DateTimeOffset at, int waitingDays, int idleDays) => open.Side == ListingType.Request
        ? open.PendingProposals == 0 && !open.Matched && at - open.OpenedAt > TimeSpan.FromDays(waitingDays)
        : at - open.LastActivityAt >= TimeSpan.FromDays(idleDays);

    private OpenSupply? Touch(OpenSupply? open, DateTimeOffset at)
    {
        if (open is not null)
        {
            open.LastActivityAt = at;
            _touched.Add(open.ListingKey);
        }

        return open;
    }

    private static void CountTimeToMatch(WeeklySupply row, int? days)
    {
        switch (days)
        {
            case null:
                return;
            case <= 1:
                row.DaysToMatch0To1++;
                break;
            case <= 3:
                row.DaysToMatch2To3++;
                break;
            case <= 7:
                row.DaysToMatch4To7++;
                break;
            case <= 30:
                row.DaysToMatch8To30++;
                break;
            default:
                row.DaysToMatchOver30++;
                break;
        }

        if (days <= 7)
        {
            row.MatchedWithin7Days++;
        }
    }

    private void StartWeek(DateOnly week)
    {
        _weekStart = week;
        _weekEnd = TownClock.StartOfDay(zone, week.AddDays(7));
        _week = [];
    }

    private void CloseWeek(DateTimeOffset at)
    {
        foreach (var open in _open.Values)
        {
            var row = Row(new SupplyCellKey(open.CategoryId, open.SubCategoryId, open.DistrictId, open.Side));
            row.OpenAtWeekEnd++;
            row.StaleAtWeekEnd += IsStale(open, at, waitingDays, idleDays) ? 1 : 0;
        }

        _written.AddRange(_week.Values);
    }

    private WeeklySupply Row(SupplyCellKey key)
    {
        if (!_week.TryGetValue(key, out var row))
        {
            row = new WeeklySupply
            {
                WeekStart = _weekStart, CategoryId = key.CategoryId, SubCategoryId = key.SubCategoryId, DistrictId = key.DistrictId, Side = key.Side,
            };
            _week[key] = row;
        }

        return row;
    }

    private readonly record struct SupplyCellKey(int CategoryId, int SubCategoryId, int DistrictId, ListingType Side);
}
