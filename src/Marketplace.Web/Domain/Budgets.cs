namespace Marketplace.Web.Domain;

/// <summary>Where a fund's money comes from.</summary>
public enum FundSource
{
    MunicipalBudget = 1,

    /// <summary>The federal state (Land), e.g. "Menschen stärken Menschen" is federal, a Land programme is this.</summary>
    FederalState = 2,

    /// <summary>The federal government (Bund).</summary>
    Federal = 3,

    /// <summary>EU funds such as the ESF.</summary>
    EuropeanUnion = 4,

    Foundation = 5,
    Donations = 6,
}

/// <summary>The lines a project's plan is made of; a fund names which of them it pays for.</summary>
[Flags]
public enum CostLines
{
    None = 0,
    Material = 1,
    Travel = 2,
    Fees = 4,
    Rent = 8,
    FoodAndDrink = 16,
    Other = 32,
    All = Material | Travel | Fees | Rent | FoodAndDrink | Other,
}

/// <summary>
/// A Fördertopf of the town, kept by its town admins. <see cref="AllocatedCents"/> only grows in one conditional update
/// that checks it against <see cref="AmountCents"/>, so the fund is never over-allocated.
/// </summary>
public sealed class Fund : ITenantOwned
{
    public const int NameMaxLength = 160;
    public const int NoteMaxLength = 2000;

    public int Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>The fund's own name ("Integrationsfonds der Stadt").</summary>
    public required string Name { get; set; }

    public FundSource Source { get; set; }

    /// <summary>The programme it comes from ("Menschen stärken Menschen"), when there is one.</summary>
    public string? Programme { get; set; }

    public long AmountCents { get; set; }

    /// <summary>Granted to projects so far (approved amounts; a rejected or reduced budget gives its share back).</summary>
    public long AllocatedCents { get; set; }

    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public CostLines EligibleLines { get; set; } = CostLines.All;

    /// <summary>The share the project must bring itself, in whole per cent (0 when none).</summary>
    public int CoFinancingPercent { get; set; }

    /// <summary>Proof of use (Verwendungsnachweis) is due so many months after a project's end.</summary>
    public int ProofDueMonths { get; set; } = BudgetRules.DefaultProofDueMonths;

    /// <summary>Volunteer hours count as notional costs (at the town's hourly rate) in the proof of use.</summary>
    public bool CountsVolunteerHours { get; set; }

    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    public long RemainingCents => AmountCents - AllocatedCents;
}

public enum ProjectBudgetStatus
{
    /// <summary>Applied for, waiting for the office's review.</summary>
    Submitted = 0,

    /// <summary>Approved (fully or in part: <see cref="ProjectBudget.GrantedCents"/> may be less than requested).</summary>
    Approved = 1,

    Rejected = 2,

    /// <summary>The applicant withdrew it before the review.</summary>
    Withdrawn = 3,

    /// <summary>The period ended and the proof of use was handed in; no more expenses.</summary>
    Closed = 4,
}

/// <summary>
/// Money for one project of an approved organisation (the office's own projects belong to its organisation of type
/// MunicipalOffice). Spending only grows <see cref="SpentCents"/> in a conditional update against
/// <see cref="GrantedCents"/>: the budget never goes below zero.
/// </summary>
public sealed class ProjectBudget : ITenantOwned
{
    public const int TitleMaxLength = 160;
    public const int TextMaxLength = 4000;
    public const int ShortTextMaxLength = 300;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int OrganisationId { get; set; }
    public int FundId { get; set; }

    public required string Title { get; set; }

    /// <summary>What the project does (Markdown).</summary>
    public required string Description { get; set; }

    /// <summary>What it wants to achieve (Markdown).</summary>
    public required string Goals { get; set; }

    /// <summary>The town's goal area it serves (the effect report groups by it, as Dortmund's budget by strategic goal).</summary>
    public string? GoalArea { get; set; }

    /// <summary>The effect it aims at ("Geflüchtete finden sich im Alltag selbstständig zurecht").</summary>
    public string? EffectGoal { get; set; }

    public string? TargetGroup { get; set; }
    public Influence Influence { get; set; } = Influence.Medium;

    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    public long RequestedCents { get; set; }
    public long GrantedCents { get; set; }

    /// <summary>Approved expenses and reimbursements so far; never above <see cref="GrantedCents"/>.</summary>
    public long SpentCents { get; set; }

    public ProjectBudgetStatus Status { get; set; }

    /// <summary>Small-budget mode: granted at or under the town's threshold, spent on the initiative's own responsibility.</summary>
    public bool OwnResponsibility { get; set; }

    /// <summary>Conditions of an approval, or the reason of a rejection.</summary>
    public string? DecisionNote { get; set; }

    /// <summary>The organisation's own words for the proof of use (Sachbericht).</summary>
    public string? ReportText { get; set; }

    public required string AppliedByUserId { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
    public string? ReviewedByUserId { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    public Organisation? Organisation { get; set; }
    public Fund? Fund { get; set; }
    public List<BudgetPlanLine> Lines { get; set; } = [];

    public long RemainingCents => GrantedCents - SpentCents;
}

/// <summary>One line of a project's plan: what was asked for it, what the office approved, what is spent.</summary>
public sealed class BudgetPlanLine : ITenantOwned
{
    public const int DescriptionMaxLength = 300;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int ProjectBudgetId { get; set; }

    /// <summary>Exactly one flag of <see cref="CostLines"/>.</summary>
    public CostLines Line { get; set; }

    public string? Description { get; set; }
    public long RequestedCents { get; set; }
    public long ApprovedCents { get; set; }
    public long SpentCents { get; set; }
}

public enum ExpenseKind
{
    /// <summary>The organisation paid someone (a shop, a hall's rent, a fee) and hands in the receipt.</summary>
    Expense = 0,

    /// <summary>A volunteer paid out of their own pocket for their engagement and is paid back (Auslagenersatz).</summary>
    Reimbursement = 1,
}

/// <summary>What a volunteer claims back.</summary>
public enum ReimbursementType
{
    /// <summary>Kilometres driven, at the town's rate per km.</summary>
    Kilometres = 1,

    PublicTransport = 2,
    Material = 3,
    Other = 4,
}

public enum ExpenseStatus
{
    /// <summary>Handed in; waiting for the (first) approval.</summary>
    Submitted = 0,

    /// <summary>Above the town's threshold: the organisation's admin approved, the office still must.</summary>
    FirstApproved = 1,

    /// <summary>Approved and booked against the budget; waiting for payment.</summary>
    Approved = 2,

    /// <summary>Sent back with a reason: "please add ..."; the submitter may complete and hand it in again.</summary>
    Incomplete = 3,

    Rejected = 4,
    Paid = 5,

    /// <summary>The submitter took it back before a decision.</summary>
    Withdrawn = 6,
}

/// <summary>
/// An expense or a reimbursement claim against one line of a project budget. It is booked (the budget's and the line's
/// <c>SpentCents</c> grow) only at its final approval, in the same transaction and only while the budget covers it.
/// </summary>
public sealed class Expense : ITenantOwned
{
    public const int PayeeMaxLength = 160;
    public const int PurposeMaxLength = 500;
    public const int ReasonMaxLength = 1000;
    public const int ReferenceMaxLength = 140;
    public const int IbanMaxLength = 34;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int ProjectBudgetId { get; set; }
    public int PlanLineId { get; set; }
    public ExpenseKind Kind { get; set; }

    public required string SubmittedByUserId { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }

    public long AmountCents { get; set; }
    public DateOnly SpentOn { get; set; }

    /// <summary>Who was paid: a business's name, or (reimbursements) the volunteer, never shown publicly.</summary>
    public required string Payee { get; set; }

    /// <summary>The payee is a business or public body, whose name the transparency page may show.</summary>
    public bool PayeeIsBusiness { get; set; }

    public required string Purpose { get; set; }

    // Reimbursements only.
    public ReimbursementType? ReimbursementType { get; set; }
    public int? Kilometres { get; set; }

    /// <summary>The town's rate per km when claimed (the rate may change later; the claim keeps its own).</summary>
    public long? KilometreRateCents { get; set; }

    public int? MatchId { get; set; }
    public int? HoursEntryId { get; set; }

    /// <summary>Where a reimbursement is paid to; private, shown to approvers and the cash office's file only.</summary>
    public string? PayeeIban { get; set; }

    public ExpenseStatus Status { get; set; }
    public string? FirstApprovedByUserId { get; set; }
    public DateTimeOffset? FirstApprovedAt { get; set; }
    public string? ApprovedByUserId { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>The reason of a rejection or of "incomplete, please add".</summary>
    public string? DecisionReason { get; set; }

    public string? DecidedByUserId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    public DateOnly? PaidOn { get; set; }
    public string? PaymentReference { get; set; }
    public string? PaidByUserId { get; set; }

    /// <summary>When the retention job deleted the receipt (the amounts stay).</summary>
    public DateTimeOffset? ReceiptDeletedAt { get; set; }

    public ProjectBudget? ProjectBudget { get; set; }
    public BudgetPlanLine? PlanLine { get; set; }
    public AppUser? SubmittedBy { get; set; }
}

/// <summary>
/// The receipt of an expense, in a table of its own so that lists never load its bytes. A photo is stored re-encoded
/// without metadata (Infrastructure/PhotoProcessor), a PDF as uploaded.
/// </summary>
public sealed class ExpenseReceipt : ITenantOwned
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int FileNameMaxLength = 200;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int ExpenseId { get; set; }
    public required string ContentType { get; set; }
    public required string FileName { get; set; }
    public required byte[] Data { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>The rules of money that need no I/O.</summary>
public static class BudgetRules
{
    /// <summary>Small-budget mode up to this granted amount (town setting).</summary>
    public const long DefaultOwnResponsibilityCents = 500_00;

    /// <summary>Above this amount an expense needs two approvals by two different people (town setting).</summary>
    public const long DefaultSecondApprovalAboveCents = 250_00;

    /// <summary>What a km driven is paid back (town setting; the Bundesreisekostengesetz pays 20 ct, many towns 30 ct).</summary>
    public const long DefaultKilometreRateCents = 30;

    public const int DefaultProofDueMonths = 6;

    /// <summary>Receipts are kept so many years after the end of the budget's period (§ 147 AO keeps receipts for years).</summary>
    public const int ReceiptRetentionYears = 5;

    /// <summary>Ehrenamtspauschale (§ 3 Nr. 26a EStG) per year.</summary>
    public const long VolunteerAllowanceCents = 840_00;

    /// <summary>Übungsleiterpauschale (§ 3 Nr. 26 EStG) per year.</summary>
    public const long TrainerAllowanceCents = 3_000_00;

    /// <summary>What people receiving unemployment benefit may keep of such allowances per month.</summary>
    public const long BenefitMonthlyLimitCents = 250_00;

    /// <summary>A plan line warns at these shares of its approved amount, in per cent.</summary>
    public const int LineWarnPercent = 80;

    public const int LineFullPercent = 100;

    /// <summary>The single cost lines of a plan, in the order forms show them.</summary>
    public static readonly CostLines[] Lines =
        [CostLines.Material, CostLines.Travel, CostLines.Fees, CostLines.Rent, CostLines.FoodAndDrink, CostLines.Other];

    /// <summary>Whether an expense of this amount needs a second approver in a town with this threshold.</summary>
    public static bool NeedsTwoApprovals(long amountCents, long thresholdCents) => amountCents > thresholdCents;

    /// <summary>A line's use in whole per cent of its approved amount (100 when nothing was approved but something spent).</summary>
    public static int UsedPercent(long spentCents, long approvedCents) =>
        approvedCents <= 0 ? (spentCents > 0 ? 100 : 0) : (int)Math.Min(int.MaxValue, spentCents * 100 / approvedCents);

    /// <summary>Kilometres at a rate, in cents.</summary>
    public static long KilometreAmount(int kilometres, long rateCents) => kilometres * rateCents;

    /// <summary>The last day a receipt of a budget ending on <paramref name="budgetEndsOn"/> is kept.</summary>
    public static DateOnly ReceiptKeptUntil(DateOnly budgetEndsOn) => budgetEndsOn.AddYears(ReceiptRetentionYears);
}
