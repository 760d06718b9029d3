using Marketplace.Web.Domain;

namespace Marketplace.Web.Privacy;

/// <summary>
/// Everything the platform holds about one account, as the archive's data.json carries it and its index.html shows it.
/// Other people appear only by the user name the account sees on the site; their addresses never.
/// </summary>
public sealed record PersonalData(DateTimeOffset CreatedAt, AccountData Account, IReadOnlyList<TownData> Towns);

public sealed record AccountData(string UserName, string? Email, bool EmailConfirmed, string? PhoneNumber, string? PreferredCulture,
    bool TwoFactorEnabled, DateTimeOffset CreatedAt);

/// <summary>One town's part; <see cref="Membership"/> is null where the account left the town but something of it stayed.</summary>
public sealed record TownData(string Town, string Slug, string TimeZoneId, MembershipData? Membership)
{
    public IReadOnlyList<ListingData> Listings { get; init; } = [];
    public IReadOnlyList<ConversationData> Conversations { get; init; } = [];
    public IReadOnlyList<MatchData> Matches { get; init; } = [];
    public IReadOnlyList<HoursData> Hours { get; init; } = [];
    public IReadOnlyList<ReimbursementData> Reimbursements { get; init; } = [];
    public VolunteerData? Volunteer { get; init; }
    public IReadOnlyList<ClearanceData> Clearances { get; init; } = [];
    public IReadOnlyList<OrganisationData> Organisations { get; init; } = [];
    public NotificationData? Notifications { get; init; }
    public IReadOnlyList<DigestData> Digests { get; init; } = [];
    public IReadOnlyList<InquiryData> Inquiries { get; init; } = [];
    public IReadOnlyList<ReportData> Reports { get; init; } = [];
    public IReadOnlyList<IntakeData> Intake { get; init; } = [];

    /// <summary>What the office did with or looked at of this account's data; which staff member did it stays in the office.</summary>
    public IReadOnlyList<AuditData> AuditEntries { get; init; } = [];

    public bool IsEmpty => Membership is null && Listings.Count == 0 && Conversations.Count == 0 && Matches.Count == 0 && Hours.Count == 0
        && Reimbursements.Count == 0 && Volunteer is null && Clearances.Count == 0 && Organisations.Count == 0 && Notifications is null && Digests.Count == 0
        && Inquiries.Count == 0 && Reports.Count == 0 && Intake.Count == 0 && AuditEntries.Count == 0;
}

public sealed record MembershipData(TownRole Role, DateTimeOffset JoinedAt, DateTimeOffset? BlockedAt, string? BlockedReason);

/// <param name="Photos">Paths of the photos inside the archive.</param>
public sealed record ListingData(int Id, ListingType Type, ListingStatus Status, string Category, string District, string? Organisation,
    string Title, string Description, string? MeetingPoint, string Languages, int? Quantity, DateOnly? AvailableFrom, DateOnly? AvailableUntil,
    int? Rooms, decimal? AreaSquareMetres, long? WarmRentCents, WorkKind? WorkKind, decimal? HoursPerWeek, DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt, DateTimeOffset? ExpiresAt, IReadOnlyList<string> Photos);

public sealed record ConversationData(int Id, string ListingTitle, bool MyListing, string OtherSide, DateTimeOffset CreatedAt,
    bool ISharedEmail, bool ISharedPhone, IReadOnlyList<MessageData> Messages);

public sealed record MessageData(bool FromMe, string Sender, DateTimeOffset SentAt, string Body, bool HiddenByModeration);

/// <param name="Side">
/// The office's: "request" or "offer" (the offer's poster or the volunteer). The marketplace's: "poster" of the fulfilled listing, or
/// "counterpart" whom the poster named.
/// </param>
public sealed record MatchData(int Id, string Side, string RequestTitle, MatchStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt,
    DateOnly? EndsOn, bool? Happened, int? Rating, string? Comment);

public sealed record HoursData(DateOnly WorkedOn, decimal Hours, string Activity, HoursStatus Status, string? Organisation, DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt);

/// <summary>A reimbursement claim the account handed in; the amount in euros for people, cents for machines.</summary>
public sealed record ReimbursementData(DateOnly SpentOn, ReimbursementType? Type, string Purpose, int? Kilometres, long AmountCents,
    ExpenseStatus Status, string? Reason, string Organisation, string Project, string Payee, string? Iban, DateTimeOffset SubmittedAt, DateOnly? PaidOn)
{
    public decimal AmountEuros => Money.ToEuros(AmountCents);
}

public sealed record VolunteerData(bool IsAvailable, IReadOnlyList<string> Skills, IReadOnlyList<string> Languages, IReadOnlyList<string> Districts,
    Mobility Mobility, int HoursPerMonth, int AvailabilitySlots, string? Note, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ClearanceData(DateOnly IssuedOn, DateOnly InspectedOn);

public sealed record OrganisationData(string Name, OrganisationRole Role, OrganisationStatus Status, DateTimeOffset JoinedAt);

public sealed record NotificationData(bool MessageMails, bool ListingReminders);

public sealed record DigestData(string? Organisation, DigestFrequency Frequency, DayOfWeek Weekday, IReadOnlyList<string> Categories,
    IReadOnlyList<string> Districts, bool IncludeOffers, bool IncludeRequests, bool OnlyUnanswered);

public sealed record InquiryData(string ListingTitle, string Message, DateTimeOffset CreatedAt, DateTimeOffset? HandledAt);

public sealed record ReportData(ReportTarget TargetType, ReportReason Reason, string? Comment, ReportStatus Status, DateTimeOffset CreatedAt);

public sealed record IntakeData(string Name, string? Contact, DateTimeOffset CreatedAt, DateTimeOffset? ClaimedAt);

public sealed record AuditData(DateTimeOffset At, AuditAction Action, string SubjectType);

/// <summary>A file of the archive besides data.json and index.html.</summary>
public sealed record ArchiveFile(string Path, byte[] Data);
