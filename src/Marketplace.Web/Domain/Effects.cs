namespace Marketplace.Web.Domain;

/// <summary>
/// The step of the effect chain an indicator measures, stored neutrally (KGSt report lines 3655-3740: input, output,
/// effect at the person, impact in the person's system, outcome in society) so that another vocabulary, such as
/// PHINEO's "Wirkungstreppe", can be shown for the same steps.
/// </summary>
public enum EffectStep
{
    Input = 0,
    Output = 1,
    Effect = 2,
    Impact = 3,
    Outcome = 4,
}

/// <summary>How far a project (or the town) can influence a goal, as Dortmund's effect-oriented budget asks.</summary>
public enum Influence
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>How often an indicator is measured.</summary>
public enum MeasuringPeriod
{
    Monthly = 1,
    Quarterly = 3,
    HalfYearly = 6,
    Yearly = 12,
}

/// <summary>
/// What a project measures to see whether it works. Values are whole numbers in the indicator's unit (people, courses,
/// per cent, hours): counts and shares, never money (costs come from the ledger).
/// </summary>
public sealed class Indicator : ITenantOwned
{
    public const int NameMaxLength = 160;
    public const int TextMaxLength = 1000;
    public const int ShortTextMaxLength = 120;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int ProjectBudgetId { get; set; }
    public EffectStep Step { get; set; }
    public required string Name { get; set; }

    /// <summary>How it is counted, exactly (who counts, what counts, what does not).</summary>
    public required string Definition { get; set; }

    public required string Unit { get; set; }
    public int Baseline { get; set; }
    public int Target { get; set; }

    /// <summary>More is better (true) or fewer is better ("fewer missed appointments").</summary>
    public bool HigherIsBetter { get; set; } = true;

    public MeasuringPeriod Period { get; set; } = MeasuringPeriod.Quarterly;
    public string? Source { get; set; }
    public string? TargetGroup { get; set; }
    public Influence Influence { get; set; } = Influence.Medium;

    /// <summary>The starter set it was copied from, if any (Budgets: IndicatorStarterSets).</summary>
    public string? StarterKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the "below half its target twice in a row" notice went out, so it goes out once per shortfall.</summary>
    public DateOnly? ShortfallNoticeFor { get; set; }

    public List<IndicatorValue> Values { get; set; } = [];
}

/// <summary>One measurement of an indicator for a period, with the words that say what the number means.</summary>
public sealed class IndicatorValue : ITenantOwned
{
    public const int NoteMaxLength = 1000;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int IndicatorId { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public int Value { get; set; }
    public string? Note { get; set; }
    public required string RecordedByUserId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>The rules of effects that need no I/O.</summary>
public static class EffectRules
{
    /// <summary>Below this share of its target, twice in a row, an indicator notifies the project's admins and the office.</summary>
    public const int ShortfallPercent = 50;

    /// <summary>How far a value reached its target, in whole per cent (from the baseline, in the indicator's direction).</summary>
    public static int AchievedPercent(int baseline, int target, int value, bool higherIsBetter)
    {
        var wanted = higherIsBetter ? target - baseline : baseline - target;
        var got = higherIsBetter ? value - baseline : baseline - value;
        if (wanted <= 0)
        {
            return got >= 0 ? 100 : 0;
        }

        return (int)Math.Clamp((long)got * 100 / wanted, 0, 1000);
    }

    /// <summary>The last two values (oldest first) are both under <see cref="ShortfallPercent"/> of the target.</summary>
    public static bool FellShortTwice(int baseline, int target, bool higherIsBetter, IReadOnlyList<int> lastTwoValues) =>
        lastTwoValues.Count == 2 && lastTwoValues.All(v => AchievedPercent(baseline, target, v, higherIsBetter) < ShortfallPercent);
}
