namespace Marketplace.Web.Domain;

/// <summary>What an audit entry records: every look at personal data in the office, and every change it makes.</summary>
public enum AuditAction
{
    ViewedVolunteer = 1,
    ViewedIntakeContact = 2,
    ViewedClearance = 3,
    ClaimedRequest = 10,
    ReleasedRequest = 11,
    ChangedStatus = 12,
    AddedNote = 13,
    ProposedMatch = 14,
    RecordedAnswer = 15,
    HandledInquiry = 16,
    RecordedClearance = 20,
    DeletedClearance = 21,
    ApprovedHours = 30,
    RejectedHours = 31,
    ExportedHours = 32,
    CreatedIntake = 40,
    ChangedNeighbours = 50,
    ChangedExchangeMode = 51,
    GrantedQualification = 74,
    ChangedQualification = 75,
    RecordedInterest = 76,
    ChangedInterest = 77,

    // Course seats (Courses/CourseSeats through the run's seat desk).
    EnrolledSomeone = 150,
    CancelledEnrolment = 151,
    RemovedNoShow = 152,
    ChangedCapacity = 153,
    CancelledRun = 154,

    // Course desk (attendance exports and completion).
    ExportedAttendance = 160,
    RecordedCourseCompletion = 161,

    // Funds and project budgets (Budgets/; slice "budgets").
    SavedFund = 170,
    ReviewedProjectBudget = 171,
    ClosedProjectBudget = 172,

    // Expenses and reimbursements (Budgets/; slices "expenses" and "reimbursements").
    OpenedReceipt = 180,
    ApprovedExpense = 181,
    RejectedExpense = 182,
    ReturnedExpenseIncomplete = 183,
    MarkedExpensePaid = 184,
    ExportedPayments = 185,

    // Proof of use and effects (Budgets/; slice "effects").
    ExportedProofOfUse = 190,
}

/// <summary>Who did or saw what, when, in the coordination office. Written in the same transaction as the change.</summary>
public sealed class AuditEntry : ITenantOwned
{
    public const int DetailMaxLength = 500;

    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public required string ActorUserId { get; set; }
    public DateTimeOffset At { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>"listing", "volunteer", "clearance", "hours", "intake", "district", "category", "match".</summary>
    public required string SubjectType { get; set; }
    public required string SubjectId { get; set; }
    public string? Detail { get; set; }

    public AppUser? Actor { get; set; }
}
