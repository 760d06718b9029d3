using Marketplace.Web.Domain;

namespace Marketplace.Web.Courses;

/// <summary>One grant a person holds, as the coverage rule reads it.</summary>
public sealed record HeldGrant(int QualificationId, DateOnly GrantedOn, DateOnly? ValidUntil);

/// <summary>A required qualification the person does not hold for a whole window: missing, or lapsing (or lapsed) before its end.</summary>
public sealed record QualificationShortfall(int QualificationId, DateOnly? LapsesOn)
{
    public bool Missing => LapsesOn is null;
}

/// <summary>A required qualification held for the window that lapses soon after it: named beside a suggestion.</summary>
public sealed record QualificationLapsing(int QualificationId, DateOnly LapsesOn);

/// <summary>
/// Whether held grants cover required qualifications over a task's days. Pure: the validity is checked for the days of
/// the task, not for the day someone is suggested. A grant covers what it includes (transitively), and one grant must
/// hold on the first and the last day, so it holds on every day between.
/// </summary>
public static class QualificationCoverage
{
    public static IReadOnlyList<QualificationShortfall> Shortfalls(IEnumerable<int> required, IReadOnlyCollection<HeldGrant> grants,
        IReadOnlyDictionary<int, List<int>> includes, DateOnly first, DateOnly last)
    {
        var shortfalls = new List<QualificationShortfall>();
        foreach (var qualification in required.Distinct())
        {
            var covering = grants.Where(g => CourseRules.WithIncluded([g.QualificationId], includes).Contains(qualification)).ToList();
            if (covering.Any(g => CourseRules.HoldsOn(g.GrantedOn, g.ValidUntil, first) && CourseRules.HoldsOn(g.GrantedOn, g.ValidUntil, last)))
            {
                continue;
            }

            // A grant from before the window's end that ran out names its lapse ("runs out on ..."); anything else is missing.
            var lapse = covering.Where(g => g.GrantedOn <= last && g.ValidUntil is not null && g.ValidUntil < last).Max(g => g.ValidUntil);
            shortfalls.Add(new QualificationShortfall(qualification, lapse));
        }

        return shortfalls;
    }

    /// <summary>Required qualifications held for the window whose best grant lapses within <paramref name="withinDays"/> after it.</summary>
    public static IReadOnlyList<QualificationLapsing> LapsingSoon(IEnumerable<int> required, IReadOnlyCollection<HeldGrant> grants,
        IReadOnlyDictionary<int, List<int>> includes, DateOnly first, DateOnly last, int withinDays)
    {
        var lapsing = new List<QualificationLapsing>();
        foreach (var qualification in required.Distinct())
        {
            var holding = grants.Where(g => CourseRules.WithIncluded([g.QualificationId], includes).Contains(qualification)
                                            && CourseRules.HoldsOn(g.GrantedOn, g.ValidUntil, first) && CourseRules.HoldsOn(g.GrantedOn, g.ValidUntil, last))
                .ToList();
            if (holding.Count == 0 || holding.Any(g => g.ValidUntil is null))
            {
                continue;
            }

            var until = holding.Max(g => g.ValidUntil!.Value);
            if (until <= last.AddDays(withinDays))
            {
                lapsing.Add(new QualificationLapsing(qualification, until));
            }
        }

        return lapsing;
    }

    /// <summary>
    /// Whether letting <paramref name="id"/> include <paramref name="included"/> would make a cycle: true when any of them
    /// already includes <paramref name="id"/> (or is it).
    /// </summary>
    public static bool MakesCycle(int id, IEnumerable<int> included, IReadOnlyDictionary<int, List<int>> includes)
    {
        var others = includes.Where(i => i.Key != id).ToDictionary(i => i.Key, i => i.Value);
        return CourseRules.WithIncluded(included, others).Contains(id);
    }
}
