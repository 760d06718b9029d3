using System.Linq.Expressions;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

/// <summary>
/// The one model. Provider subclasses exist only so each database has its own migrations.
/// Every <see cref="ITenantOwned"/> row is filtered to the scope's municipality and stamped with it on insert;
/// writing a row of another municipality throws.
/// Instances are pooled (Data/DatabaseServices): each scope hands its own <see cref="ITenantContext"/> to the instance it
/// leases (<see cref="ActFor"/>); an instance nobody handed one acts for no town and sees no town's rows.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    private ITenantContext _tenantContext = NoTown.Instance;

    /// <summary>The scope this instance serves from now on; called when it is leased from the pool.</summary>
    public void ActFor(ITenantContext tenantContext) => _tenantContext = tenantContext;

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<TenantMembership> Memberships => Set<TenantMembership>();
    public DbSet<CoordinatorAppointment> Appointments => Set<CoordinatorAppointment>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();
    public DbSet<LoginLink> LoginLinks => Set<LoginLink>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<RentLimit> RentLimits => Set<RentLimit>();
    public DbSet<Listing> Listings => Set<Listing>();
    public DbSet<ListingPhoto> ListingPhotos => Set<ListingPhoto>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationMember> OrganisationMembers => Set<OrganisationMember>();
    public DbSet<OrganisationInvitation> OrganisationInvitations => Set<OrganisationInvitation>();
    public DbSet<OrganisationDistrict> OrganisationDistricts => Set<OrganisationDistrict>();
    public DbSet<OrganisationCategory> OrganisationCategories => Set<OrganisationCategory>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Match> Matches => Set<Match>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ModerationAction> ModerationActions => Set<ModerationAction>();
    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();
    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();
    public DbSet<DigestSubscription> DigestSubscriptions => Set<DigestSubscription>();
    public DbSet<OneClickToken> OneClickTokens => Set<OneClickToken>();
    public DbSet<VolunteerProfile> VolunteerProfiles => Set<VolunteerProfile>();
    public DbSet<PoliceClearance> PoliceClearances => Set<PoliceClearance>();
    public DbSet<VolunteerHours> VolunteerHours => Set<VolunteerHours>();
    public DbSet<OfficeNote> OfficeNotes => Set<OfficeNote>();
    public DbSet<OfficeInquiry> OfficeInquiries => Set<OfficeInquiry>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<IntakeContact> IntakeContacts => Set<IntakeContact>();
    public DbSet<DataExport> DataExports => Set<DataExport>();
    public DbSet<AccountDeletion> AccountDeletions => Set<AccountDeletion>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseQualification> CourseQualifications => Set<CourseQualification>();
    public DbSet<CourseRun> CourseRuns => Set<CourseRun>();
    public DbSet<CourseMeeting> CourseMeetings => Set<CourseMeeting>();
    public DbSet<CourseParticipant> CourseParticipants => Set<CourseParticipant>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<Attendance> Attendances => Set<Attendance>();
    public DbSet<WaitingListEntry> WaitingListEntries => Set<WaitingListEntry>();
    public DbSet<SeatOffer> SeatOffers => Set<SeatOffer>();
    public DbSet<Qualification> Qualifications => Set<Qualification>();
    public DbSet<QualificationGrant> QualificationGrants => Set<QualificationGrant>();
    public DbSet<CategoryQualification> CategoryQualifications => Set<CategoryQualification>();
    public DbSet<LanguageCourseInterest> LanguageCourseInterests => Set<LanguageCourseInterest>();
    public DbSet<LanguageCourseGroupSize> LanguageCourseGroupSizes => Set<LanguageCourseGroupSize>();
    public DbSet<Fund> Funds => Set<Fund>();
    public DbSet<ProjectBudget> ProjectBudgets => Set<ProjectBudget>();
    public DbSet<BudgetPlanLine> BudgetPlanLines => Set<BudgetPlanLine>();
    public DbSet<Expense> Expenses => Set<Expense>();
    public DbSet<ExpenseReceipt> ExpenseReceipts => Set<ExpenseReceipt>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<SupplyFact> SupplyFacts => Set<SupplyFact>();
    public DbSet<OpenSupply> OpenSupplies => Set<OpenSupply>();
    public DbSet<WeeklySupply> WeeklySupplies => Set<WeeklySupply>();
    public DbSet<WeeklyVolunteers> WeeklyVolunteers => Set<WeeklyVolunteers>();
    public DbSet<SupplyWatermark> SupplyWatermarks => Set<SupplyWatermark>();
    public DbSet<GapAlert> GapAlerts => Set<GapAlert>();

    /// <summary>
    /// Read on every query and save, not at construction: the request's context is created before the
    /// middleware has resolved the town. Guid.Empty outside a town, where tenant-owned rows are invisible.
    /// </summary>
    public Guid CurrentTenantId => _tenantContext.TenantId ?? Guid.Empty;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t => t.Namespace == typeof(AppDbContext).Namespace);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).HasQueryFilter(TenantFilter(entity.ClrType));
        }
    }

    private LambdaExpression TenantFilter(Type entityType)
    {
        // e => e.TenantId == this.CurrentTenantId; EF evaluates the context property for each query.
        var entity = Expression.Parameter(entityType, "e");
        var tenantId = Expression.Property(entity, nameof(ITenantOwned.TenantId));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentTenantId));
        return Expression.Lambda(Expression.Equal(tenantId, current), entity);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenantRows();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenantRows();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void GuardTenantRows()
    {
        var current = CurrentTenantId;
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty)
            {
                entry.Entity.TenantId = current;
            }

            if (entry.Entity is IPlatformMayOwn && current == Guid.Empty && entry.Entity.TenantId == Guid.Empty)
            {
                continue;
            }

            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && (current == Guid.Empty || entry.Entity.TenantId != current))
            {
                throw new CrossTenantWriteException(entry.Entity.GetType().Name);
            }
        }
    }
}

/// <summary>Before a scope hands over its town: no town, not the platform.</summary>
internal sealed class NoTown : ITenantContext
{
    public static readonly NoTown Instance = new();

    public TenantInfo? Tenant => null;

    public bool IsPlatformHost => false;
}

public sealed class CrossTenantWriteException(string entityName)
    : InvalidOperationException($"Refused to write a {entityName} outside the current municipality.");
