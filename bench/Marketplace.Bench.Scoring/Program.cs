using System.Diagnostics;
using Marketplace.Web.Domain;

namespace Marketplace.Bench.Scoring;

/// <summary>
/// Match scoring against one town's candidates: {offers} offers and volunteers with the default category shape
/// (12 top-level categories with 5 sub-categories each), 12 districts with 2–3 neighbours, 12 languages. Times
/// <see cref="MatchScoring.Rank"/> (top 20) for {requests} requests and prints the median and p95. Target: median under 20 ms.
/// Usage: Marketplace.Bench.Scoring [offers=100000] [requests=500]
/// </summary>
internal static class ScoringBench
{
    public static int Main(string[] args)
    {
        var offers = args.Length > 0 ? int.Parse(args[0]) : 100_000;
        var requests = args.Length > 1 ? int.Parse(args[1]) : 500;
        var random = new Random(20261124);
        var districts = Enumerable.Range(1, 12).ToArray();
        var neighbours = districts.ToDictionary(d => d, d => (IReadOnlySet<int>)new HashSet<int> { d % 12 + 1, (d + 10) % 12 + 1 });
        int Category() => 100 + random.Next(12) * 10 + random.Next(1, 6);
        ulong Languages() => (1UL << random.Next(12)) | (random.Next(3) == 0 ? 1UL << random.Next(12) : 0);
        DateOnly? Day() => random.Next(3) == 0 ? new DateOnly(2026, 1, 1).AddDays(random.Next(365)) : null;

        var candidates = Enumerable.Range(1, offers).Select(i => new MatchCandidate(
            i % 10 == 0 ? CandidateKind.Volunteer : CandidateKind.Offer, i,
            i % 10 == 0 ? [Category(), Category(), Category()] : [Category()],
            i % 10 == 0 ? [districts[random.Next(12)], districts[random.Next(12)]] : [districts[random.Next(12)]],
            Languages(), Day(), Day(), random.Next(4) == 0 ? random.Next(0, 5) : null, random.Next(5) == 0, random.Next(4) == 0,
            random.Next(6), random.Next(6, 8))).ToList();
        var needs = Enumerable.Range(0, requests).Select(_ =>
        {
            var category = Category();
            return new MatchNeed(category, category / 10 * 10, districts[random.Next(12)], Languages(), Day(), Day(), random.Next(10) == 0);
        }).ToList();

        for (var i = 0; i < 20; i++)
        {
            MatchScoring.Rank(needs[i], candidates, neighbours[needs[i].DistrictId], 20);
        }

        var times = new List<double>(requests);
        var found = 0;
        foreach (var need in needs)
        {
            var watch = Stopwatch.StartNew();
            found += MatchScoring.Rank(need, candidates, neighbours[need.DistrictId], 20).Count;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var median = times[times.Count / 2];
        var p95 = times[(int)(times.Count * 0.95)];
        Console.WriteLine($"{requests} requests against {offers:N0} candidates: median {median:F2} ms, p95 {p95:F2} ms, max {times[^1]:F2} ms ({found / requests} suggestions each)");
        Console.WriteLine(median < 20 ? "PASS: median under 20 ms" : "FAIL: median 20 ms or more");
        return median < 20 ? 0 : 1;
    }
}
