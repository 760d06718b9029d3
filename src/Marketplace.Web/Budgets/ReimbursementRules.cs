using Marketplace.Web.Domain;

namespace Marketplace.Web.Budgets;

/// <summary>How near a total is to an allowance: warnings only, a claim is never refused for it.</summary>
public enum AllowanceLevel
{
    Below = 0,

    /// <summary>At least <see cref="ReimbursementRules.AllowanceNearPercent"/> per cent of the allowance, up to all of it.</summary>
    Near = 1,

    /// <summary>More than the allowance.</summary>
    Over = 2,
}

/// <summary>A member's reimbursed money against the tax-free allowances, for one calendar year.</summary>
public sealed record AllowanceStanding(int Year, long YearCents, IReadOnlyList<long> MonthCents, int CurrentMonth)
{
    public AllowanceLevel Volunteer => ReimbursementRules.Level(YearCents, BudgetRules.VolunteerAllowanceCents);
    public AllowanceLevel Trainer => ReimbursementRules.Level(YearCents, BudgetRules.TrainerAllowanceCents);

    /// <summary>The month shown (this month in the current year, otherwise December), 1..12.</summary>
    public long ShownMonthCents => MonthCents[CurrentMonth - 1];

    public AllowanceLevel ShownMonth => ReimbursementRules.Level(ShownMonthCents, BudgetRules.BenefitMonthlyLimitCents);

    /// <summary>The months (1..12) above the monthly limit for people receiving unemployment benefit.</summary>
    public IReadOnlyList<int> MonthsOverBenefitLimit =>
        Enumerable.Range(1, 12).Where(m => ReimbursementRules.Level(MonthCents[m - 1], BudgetRules.BenefitMonthlyLimitCents) == AllowanceLevel.Over).ToList();

    public bool AnyWarning => Volunteer != AllowanceLevel.Below || ShownMonth != AllowanceLevel.Below || MonthsOverBenefitLimit.Count > 0;
}

/// <summary>The rules of volunteers' claims that need no I/O.</summary>
public static class ReimbursementRules
{
    /// <summary>A warning starts at this share of an allowance.</summary>
    public const int AllowanceNearPercent = 80;

    public const int MaxKilometres = 2_000;

    /// <summary>A claim above this is surely a typo; larger sums are the organisation's expense, not a volunteer's claim.</summary>
    public const long MaxAmountCents = 5_000_00;

    public static readonly ReimbursementType[] Types =
        [ReimbursementType.Kilometres, ReimbursementType.PublicTransport, ReimbursementType.Material, ReimbursementType.Other];

    /// <summary>The plan line a claim of this type is charged to: travel for km and tickets, material for material.</summary>
    public static CostLines LineFor(ReimbursementType type) => type switch
    {
        ReimbursementType.Kilometres or ReimbursementType.PublicTransport => CostLines.Travel,
        ReimbursementType.Material => CostLines.Material,
        _ => CostLines.Other,
    };

    /// <summary>Kilometres are proven by the purpose and the trip; whatever was bought needs its receipt.</summary>
    public static bool NeedsReceipt(ReimbursementType type) => type != ReimbursementType.Kilometres;

    public static AllowanceLevel Level(long totalCents, long allowanceCents) =>
        totalCents > allowanceCents ? AllowanceLevel.Over
        : totalCents * 100 >= allowanceCents * AllowanceNearPercent ? AllowanceLevel.Near
        : AllowanceLevel.Below;
}
