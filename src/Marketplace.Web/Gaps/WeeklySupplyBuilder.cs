using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Gaps;

/// <summary>
/// Folds the town's <see cref="SupplyFact"/>s into <see cref="WeeklySupply"/> (and carries the open listings in
/// <see cref="OpenSupply"/> from one run to the next), and snapshots the register into <see cref="WeeklyVolunteers"/>.
/// The incremental build and the rebuild share one fold, so they cannot drift apart: the rebuild only starts it from
/// nothing. Weeks are the town's (Monday 00:00 local), through <see cref="TownClock"/>.
/// </summary>
public sealed class WeeklySupplyBuilder(AppDbContext db, ITenantContext tenant, TownClock townClock, TimeProvider clock)
{
    /// <summary>
    /// Facts younger than this are left for the next run. A fact's time is taken before its transaction commits, so a
    /// transaction that commits late would otherwise insert a fact behind the watermark and never be folded; two
    /// minutes is far longer than any of the recording transactions runs.
    /// </summary>
    public static readonly TimeSpan SafetyMargin = TimeSpan.FromMinutes(2);

    private const int InsertBatch = 2000;
    private static readonly DateTimeOffset NothingFolded = DateTimeOffset.UnixEpoch;

    /// <summary>Folds the facts since the last run; the current week's rows are rewritten, ended weeks stay as they were.</summary>
    public Task BuildAsync(CancellationToken ct) => FoldAsync(rebuild: false, ct);

    /// <summary>Forgets the town's aggregates and fold state and replays every fact (the volunteers only for the current week).</summary>
    public Task RebuildAsync(CancellationToken ct) => FoldAsync(rebuild: true, ct);

    private async Task FoldAsync(bool rebuild, CancellationToken ct)
    {
        var tenantId = tenant.TenantId ?? throw new InvalidOperationException("The weekly build needs a town's scope.");
        await EnsureWatermarkAsync(ct);
        var settings = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId)
            .Select(t => new { t.GapWaitingDays, t.SurplusIdleDays }).SingleAsync(ct);
        var now = clock.GetUtcNow();
        var upTo = now - SafetyMargin;

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Writing the town's watermark row first takes its lock: a second instance building the same town waits here
            // and then reads the watermark this run leaves, so no fact is counted twice.
            await db.SupplyWatermarks.ExecuteUpdateAsync(s => s.SetProperty(w => w.BuiltAt, now), ct);
            if (rebuild)
            {
                await db.WeeklySupplies.ExecuteDeleteAsync(ct);
                await db.OpenSupplies.ExecuteDeleteAsync(ct);
                // The watermark row is reset rather than deleted: it is the lock the concurrent runs meet on.
                await db.SupplyWatermarks.ExecuteUpdateAsync(s => s.SetProperty(w => w.FoldedUpTo, NothingFolded).SetProperty(w => w.LastFactId, 0L), ct);
            }

            var mark = await db.SupplyWatermarks.AsNoTracking().Select(w => new { w.FoldedUpTo, w.LastFactId }).SingleAsync(ct);
            var fold = new SupplyFold(townClock.Zone, settings.GapWaitingDays, settings.SurplusIdleDays);
            var facts = await db.SupplyFacts.AsNoTracking()
                .Where(f => (f.At > mark.FoldedUpTo || (f.At == mark.FoldedUpTo && f.Id > mark.LastFactId)) && f.At <= upTo)
                .OrderBy(f => f.At).ThenBy(f => f.Id)
                .ToListAsync(ct);
            var hasFolded = mark.LastFactId != 0;
            if (hasFolded || facts.Count > 0)
            {
                var firstWeek = townClock.WeekStartOf(hasFolded ? mark.FoldedUpTo : facts[0].At);
                fold.Start(firstWeek,
                    hasFolded ? await db.OpenSupplies.AsNoTracking().ToListAsync(ct) : [],
                    hasFolded ? await db.WeeklySupplies.AsNoTracking().Where(w => w.WeekStart == firstWeek).ToListAsync(ct) : []);
                foreach (var fact in facts)
                {
                    fold.Apply(fact);
                }

                var rows = fold.Finish(upTo);
                await db.WeeklySupplies.Where(w => w.WeekStart >= firstWeek).ExecuteDeleteAsync(ct);
                await InsertAsync(rows, ct);
                await WriteOpenAsync(fold, ct);
                var last = facts.Count > 0 ? facts[^1] : null;
                await db.SupplyWatermarks.ExecuteUpdateAsync(s => s
                    .SetProperty(w => w.FoldedUpTo, last == null ? mark.FoldedUpTo : last.At)
                    .SetProperty(w => w.LastFactId, last == null ? mark.LastFactId : last.Id), ct);
            }

            await SnapshotVolunteersAsync(townClock.WeekStartOf(now), ct);
            await transaction.CommitAsync(ct);
            GapViewVersions.Built(tenantId);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>The first run of a town makes its watermark; of two first runs at once, one insert wins and the other is dropped.</summary>
    private async Task EnsureWatermarkAsync(CancellationToken ct)
    {
        if (await db.SupplyWatermarks.AnyAsync(ct))
        {
            return;
        }

        db.SupplyWatermarks.Add(new SupplyWatermark { FoldedUpTo = NothingFolded, LastFactId = 0, BuiltAt = NothingFolded });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance made it first: the row is all this needed.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Only the listings the facts touched: the rest of the state is as the last run left it.</summary>
    private async Task WriteOpenAsync(SupplyFold fold, CancellationToken ct)
    {
        foreach (var keys in fold.Touched.Chunk(InsertBatch))
        {
            await db.OpenSupplies.Where(o => keys.Contains(o.ListingKey)).ExecuteDeleteAsync(ct);
        }

        await InsertAsync(fold.Touched.Select(fold.OpenRow).OfType<OpenSupply>(), ct);
    }

    private async Task InsertAsync<T>(IEnumerable<T> rows, CancellationToken ct) where T : class, ITenantOwned
    {
        // Set here rather than stamped on save: OpenSupply's key holds the town, and a key is fixed once tracked.
        var tenantId = tenant.TenantId!.Value;
        foreach (var batch in rows.Chunk(InsertBatch))
        {
            foreach (var row in batch)
            {
                row.TenantId = tenantId;
            }

            db.Set<T>().AddRange(batch);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The register keeps no history, so the current week's row is what a past week will show: available volunteers
    /// by top category and district, with the parts of the week they can help in.
    /// </summary>
    private async Task SnapshotVolunteersAsync(DateOnly week, CancellationToken ct)
    {
        var parents = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId }).ToDictionaryAsync(c => c.Id, c => c.ParentId, ct);
        var profiles = await db.VolunteerProfiles.AsNoTracking().Where(v => v.IsAvailable)
            .Select(v => new { v.SkillCategoryIds, v.DistrictIds, v.Availability }).ToListAsync(ct);
        var cells = new Dictionary<(int Category, int District), WeeklyVolunteers>();
        foreach (var profile in profiles)
        {
            var parts = VolunteerDayParts.Of(profile.Availability);
            var categories = profile.SkillCategoryIds.Where(parents.ContainsKey).Select(id => parents[id] ?? id).Distinct();
            foreach (var category in categories)
            {
                foreach (var district in profile.DistrictIds.Distinct())
                {
                    if (!cells.TryGetValue((category, district), out var cell))
                    {
                        cell = new WeeklyVolunteers { WeekStart = week, CategoryId = category, DistrictId = district };
                        cells[(category, district)] = cell;
                    }

                    cell.Available++;
                    cell.Mornings += parts.Mornings ? 1 : 0;
                    cell.Afternoons += parts.Afternoons ? 1 : 0;
                    cell.Evenings += parts.Evenings ? 1 : 0;
                    cell.Weekends += parts.Weekends ? 1 : 0;
                }
            }
        }

        await db.WeeklyVolunteers.Where(w => w.WeekStart == week).ExecuteDeleteAsync(ct);
        await InsertAsync(cells.Values, ct);
    }
}

/// <summary>A volunteer's weekly availability bits as the parts of the week the gap views show.</summary>
public readonly record struct VolunteerDayParts(bool Mornings, bool Afternoons, bool Evenings, bool Weekends)
{
    private const int Workdays = 5;

    public static VolunteerDayParts Of(int availability)
    {
        bool OnWorkdays(int part) => Enumerable.Range(0, Workdays).Any(day => WeeklyAvailability.Has(availability, day, part));
        var weekends = Enumerable.Range(Workdays, 2).Any(day => Enumerable.Range(0, WeeklyAvailability.Parts).Any(part => WeeklyAvailability.Has(availability, day, part)));
        return new VolunteerDayParts(OnWorkdays(0), OnWorkdays(1), OnWorkdays(2), weekends);
    }
}
