namespace Marketplace.Web.Budgets;

/// <summary>How the pages answer an <see cref="ExpenseOutcome"/>: its message (a resource key) and, when refused, its status code.</summary>
public static class ExpenseAnswers
{
    public static bool IsDone(ExpenseOutcome outcome) => outcome is ExpenseOutcome.Approved or ExpenseOutcome.FirstApproved or ExpenseOutcome.Rejected
        or ExpenseOutcome.ReturnedIncomplete or ExpenseOutcome.Paid or ExpenseOutcome.Withdrawn;

    public static string MessageKey(ExpenseOutcome outcome) => "Expenses_Outcome_" + outcome;

    /// <summary>Not one's to decide: 403; decided meanwhile or not covered: 409; a missing reason: 400.</summary>
    public static int StatusCode(ExpenseOutcome outcome) => outcome switch
    {
        ExpenseOutcome.OwnSubmission or ExpenseOutcome.SameApprover or ExpenseOutcome.NotAllowed => StatusCodes.Status403Forbidden,
        ExpenseOutcome.NotWaiting or ExpenseOutcome.NotCovered => StatusCodes.Status409Conflict,
        ExpenseOutcome.ReasonMissing => StatusCodes.Status400BadRequest,
        ExpenseOutcome.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status200OK,
    };
}
