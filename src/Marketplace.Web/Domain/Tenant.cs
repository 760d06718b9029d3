namespace Marketplace.Web.Domain;

/// <summary>A municipality (Kommune / Landkreis) with its own subdomain.</summary>
public sealed class Tenant
{
    public const string DefaultTimeZone = "Europe/Berlin";
    public const string DefaultAccentColour = "#0b5cad";

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public FederalState FederalState { get; set; }
    public string TimeZoneId { get; set; } = DefaultTimeZone;
    public string DefaultCulture { get; set; } = "de";
    public required string ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactAddress { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Days a published listing stays up unless renewed.</summary>
    public int ListingLifetimeDays { get; set; } = 28;

    /// <summary>Open reports at which a listing is hidden until a coordinator reviews it.</summary>
    public int ReportsToHide { get; set; } = 3;

    /// <summary>Whether notification mails may quote the message; off keeps conversations out of mailboxes.</summary>
    public bool MailIncludesMessageText { get; set; }

    /// <summary>The town's colour (#rrggbb) heading its mails.</summary>
    public string AccentColour { get; set; } = DefaultAccentColour;

    /// <summary>How long a seat offered to the head of a course's waiting list is held for them.</summary>
    public int SeatOfferHours { get; set; } = CourseRules.DefaultSeatOfferHours;

    /// <summary>Local hour (town's time zone) at which digests go out.</summary>
    public int DigestHour { get; set; } = 7;

    /// <summary>
    /// When the digests were last started. An instant, not a date: when the town moves its hour later on a day that already
    /// ran, the digests go out again at the new hour (each subscriber still gets one per day).
    /// </summary>
    public DateTimeOffset? LastDigestRunAt { get; set; }

    /// <summary>Years a police clearance counts from its issue date.</summary>
    public int ClearanceValidYears { get; set; } = ClearanceRules.DefaultValidYears;

    /// <summary>Coordinators and town admins must sign in with a second factor before the office pages open.</summary>
    public bool OfficeRequiresTwoFactor { get; set; }

    /// <summary>Cents per volunteer hour, for the value of volunteering the dashboard shows.</summary>
    public long HourlyRateCents { get; set; } = HoursValue.DefaultHourlyRateCents;

    /// <summary>Months after which a closed, expired or fulfilled listing loses its text and photos.</summary>
    public int ListingRetentionMonths { get; set; } = PrivacyRules.DefaultListingRetentionMonths;

    /// <summary>Months the messages of a deleted account stay readable for the other side.</summary>
    public int DeletedAccountMessageMonths { get; set; } = PrivacyRules.DefaultDeletedAccountMessageMonths;

    /// <summary>Months the office's audit entries are kept.</summary>
    public int AuditRetentionMonths { get; set; } = PrivacyRules.DefaultAuditRetentionMonths;

    /// <summary>Minutes a coordinator's or town admin's session may sit unused before they must sign in again.</summary>
    public int OfficeIdleTimeoutMinutes { get; set; } = DefaultOfficeIdleTimeoutMinutes;

    public const int DefaultOfficeIdleTimeoutMinutes = 120;

    /// <summary>Project budgets granted up to this amount are spent on the initiative's own responsibility (receipts reviewed afterwards).</summary>
    public long OwnResponsibilityBudgetCents { get; set; } = BudgetRules.DefaultOwnResponsibilityCents;

    /// <summary>Expenses and reimbursements above this amount need two approvals by two different people.</summary>
    public long SecondApprovalAboveCents { get; set; } = BudgetRules.DefaultSecondApprovalAboveCents;

    /// <summary>What a kilometre driven for the engagement is paid back.</summary>
    public long KilometreRateCents { get; set; } = BudgetRules.DefaultKilometreRateCents;

    /// <summary>Days a request may wait unserved before its cell counts as a gap (<see cref="GapRules"/>).</summary>
    public int GapWaitingDays { get; set; } = GapRules.DefaultWaitingDays;

    /// <summary>Days an offer may go without contact, proposal or match before its cell counts as a surplus.</summary>
    public int SurplusIdleDays { get; set; } = GapRules.DefaultIdleDays;

    /// <summary>Open requests in a cell at which two rising weeks in a row raise an alert.</summary>
    public int GapAlertOpenRequests { get; set; } = GapRules.DefaultAlertOpenRequests;

    /// <summary>Median days to match in a category above which an alert is raised.</summary>
    public int GapAlertMedianDays { get; set; } = GapRules.DefaultAlertMedianDays;

    /// <summary>Weeks in a row a cell may be in surplus before an alert is raised.</summary>
    public int GapAlertSurplusWeeks { get; set; } = GapRules.DefaultAlertSurplusWeeks;

    public List<District> Districts { get; set; } = [];
}
