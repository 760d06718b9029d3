using Marketplace.Web.Domain;

namespace Marketplace.Web.Budgets;

/// <summary>One indicator of a starter set; its name, definition and unit are resource texts (Effects_Starter_{Key}_…).</summary>
public sealed record StarterIndicator(string Key, EffectStep Step, string UnitKey, int Baseline, int Target, bool HigherIsBetter,
    MeasuringPeriod Period, Influence Influence)
{
    public string NameKey => $"Effects_Starter_{Key}_Name";
    public string DefinitionKey => $"Effects_Starter_{Key}_Definition";
}

/// <summary>A set of indicators that fits a kind of project, copied by a project in one click.</summary>
public sealed record StarterSet(string Key, IReadOnlyList<StarterIndicator> Indicators)
{
    public string NameKey => $"Effects_StarterSet_{Key}";

    /// <summary>What <see cref="Indicator.StarterKey"/> keeps: the set and the indicator, so a second copy is recognised.</summary>
    public string StarterKeyOf(StarterIndicator indicator) => $"{Key}.{indicator.Key}";
}

/// <summary>
/// Starter sets for the four kinds of project the demo initiatives run (the language courses, accompaniment,
/// housing help, leisure). Targets are starting points a project changes; what counts is written in each definition, so
/// that two projects counting "the same" really do.
/// </summary>
public static class IndicatorStarterSets
{
    public const string People = "Effects_Unit_People";
    public const string Percent = "Effects_Unit_Percent";
    public const string Appointments = "Effects_Unit_Appointments";
    public const string Households = "Effects_Unit_Households";
    public const string Viewings = "Effects_Unit_Viewings";

    public static readonly IReadOnlyList<StarterSet> All =
    [
        new("LanguageCourses",
        [
            new("NextLevel", EffectStep.Effect, People, 0, 12, true, MeasuringPeriod.HalfYearly, Influence.High),
            new("Attendance", EffectStep.Output, Percent, 0, 80, true, MeasuringPeriod.Quarterly, Influence.Medium),
            new("Completions", EffectStep.Output, People, 0, 15, true, MeasuringPeriod.HalfYearly, Influence.High),
        ]),
        new("Accompaniment",
        [
            new("Accompanied", EffectStep.Output, Appointments, 0, 40, true, MeasuringPeriod.Quarterly, Influence.High),
            new("WentAlone", EffectStep.Effect, People, 0, 10, true, MeasuringPeriod.HalfYearly, Influence.Medium),
        ]),
        new("HousingHelp",
        [
            new("FoundFlat", EffectStep.Impact, Households, 0, 8, true, MeasuringPeriod.HalfYearly, Influence.Low),
            new("Viewings", EffectStep.Output, Viewings, 0, 30, true, MeasuringPeriod.Quarterly, Influence.High),
        ]),
        new("Leisure",
        [
            new("Participants", EffectStep.Output, People, 0, 60, true, MeasuringPeriod.Quarterly, Influence.High),
            new("NewcomerShare", EffectStep.Effect, Percent, 0, 50, true, MeasuringPeriod.Quarterly, Influence.Medium),
        ]),
    ];

    public static StarterSet? Find(string? key) => All.FirstOrDefault(s => s.Key == key);
}
