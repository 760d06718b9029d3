using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Gaps;

/// <summary>One week's matrix: a cell per (top category, district) that had anything, with its balance.</summary>
public sealed record GapMatrix(DateOnly WeekStart, IReadOnlyDictionary<(int CategoryId, int DistrictId), GapMatrixCell> Cells)
{
    public GapMatrixCell? Cell(int categoryId, int districtId) => Cells.GetValueOrDefault((categoryId, districtId));
}

public sealed record GapMatrixCell(SupplyCell Figures, CellBalance Balance);

/// <summary>
/// The read side of the weekly aggregates (<see cref="WeeklySupply"/>, <see cref="WeeklyVolunteers"/>) that every gap
/// view shares: the office matrix, the public page, the downloads, the feed and the alerts. The balance of a cell is
/// decided here, with <see cref="GapRules"/> and the town's district neighbours, so every view agrees.
/// </summary>
public sealed class GapMatrixReader(AppDbContext db)
{
    public async Task<GapMatrix> ForWeekAsync(DateOnly weekStart, CancellationToken cancellationToken = default) =>
        (await ForWeeksAsync(weekStart, weekStart, cancellationToken))[0];

    /// <summary>Every week from <paramref name="firstWeek"/> to <paramref name="lastWeek"/> (Mondays), oldest first, empty weeks included.</summary>
    public async Task<IReadOnlyList<GapMatrix>> ForWeeksAsync(DateOnly firstWeek, DateOnly lastWeek, CancellationToken cancellationToken = default)
    {
        var supply = await db.WeeklySupplies.AsNoTracking()
            .Where(w => w.WeekStart >= firstWeek && w.WeekStart <= lastWeek)
            .GroupBy(w => new { w.WeekStart, w.CategoryId, w.DistrictId, w.Side })
            .Select(g => new { g.Key.WeekStart, g.Key.CategoryId, g.Key.DistrictId, g.Key.Side, Open = g.Sum(w => w.OpenAtWeekEnd), Stale = g.Sum(w => w.StaleAtWeekEnd) })
            .ToListAsync(cancellationToken);
        var volunteers = await db.WeeklyVolunteers.AsNoTracking()
            .Where(w => w.WeekStart >= firstWeek && w.WeekStart <= lastWeek)
            .Select(w => new { w.WeekStart, w.CategoryId, w.DistrictId, w.Available })
            .ToListAsync(cancellationToken);
        var neighbours = (await db.Districts.AsNoTracking().Select(d => new { d.Id, d.NeighbourIds }).ToListAsync(cancellationToken))
            .ToDictionary(d => d.Id, d => d.NeighbourIds);

        var weeks = new List<GapMatrix>();
        for (var week = firstWeek; week <= lastWeek; week = week.AddDays(7))
        {
            var figures = new Dictionary<(int, int), SupplyCell>();
            SupplyCell At(int category, int district) =>
                figures.TryGetValue((category, district), out var cell) ? cell : new SupplyCell(category, district, 0, 0, 0, 0, 0);

            foreach (var row in supply.Where(r => r.WeekStart == week))
            {
                var cell = At(row.CategoryId, row.DistrictId);
                figures[(row.CategoryId, row.DistrictId)] = row.Side == ListingType.Request
                    ? cell with { OpenRequests = cell.OpenRequests + row.Open, WaitingRequests = cell.WaitingRequests + row.Stale }
                    : cell with { OpenOffers = cell.OpenOffers + row.Open, IdleOffers = cell.IdleOffers + row.Stale };
            }

            foreach (var row in volunteers.Where(r => r.WeekStart == week))
            {
                var cell = At(row.CategoryId, row.DistrictId);
                figures[(row.CategoryId, row.DistrictId)] = cell with { VolunteersAvailable = cell.VolunteersAvailable + row.Available };
            }

            var cells = figures.ToDictionary(f => f.Key, f =>
            {
                var near = neighbours.GetValueOrDefault(f.Value.DistrictId) ?? [];
                return new GapMatrixCell(f.Value, GapRules.Classify(f.Value, near.Select(n => At(f.Value.CategoryId, n))));
            });
            weeks.Add(new GapMatrix(week, cells));
        }

        return weeks;
    }
}
