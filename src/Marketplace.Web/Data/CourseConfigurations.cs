using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(Course.TitleMaxLength);
        builder.Property(c => c.Description).HasMaxLength(Course.DescriptionMaxLength);
        builder.Property(c => c.Topic).HasMaxLength(Course.TopicMaxLength);
        builder.Property(c => c.AccessibilityNote).HasMaxLength(Course.NoteMaxLength);
        builder.Property(c => c.ChildcareNote).HasMaxLength(Course.NoteMaxLength);
        builder.Property(c => c.FeeNote).HasMaxLength(Course.NoteMaxLength);
        builder.Property(c => c.ContactEmail).HasMaxLength(Course.ContactMaxLength);
        builder.Property(c => c.ContactPhone).HasMaxLength(Course.ContactMaxLength);
        builder.HasIndex(c => new { c.TenantId, c.Kind, c.IsWithdrawn });
        builder.HasIndex(c => new { c.TenantId, c.ProviderOrganisationId });
        builder.HasIndex(c => new { c.TenantId, c.CreatedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Provider).WithMany().HasForeignKey(c => c.ProviderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Runs).WithOne(r => r.Course).HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Grants).WithOne().HasForeignKey(g => g.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CourseQualificationConfiguration : IEntityTypeConfiguration<CourseQualification>
{
    public void Configure(EntityTypeBuilder<CourseQualification> builder)
    {
        builder.HasIndex(g => new { g.TenantId, g.CourseId, g.QualificationId }).IsUnique();
        builder.HasOne<Qualification>().WithMany().HasForeignKey(g => g.QualificationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CourseRunConfiguration : IEntityTypeConfiguration<CourseRun>
{
    public void Configure(EntityTypeBuilder<CourseRun> builder)
    {
        builder.Property(r => r.PlaceNote).HasMaxLength(CourseRun.PlaceNoteMaxLength);
        builder.Property(r => r.CancelReason).HasMaxLength(CourseRun.CancelReasonMaxLength);
        builder.HasIndex(r => new { r.TenantId, r.CourseId, r.StartsOn });
        builder.HasIndex(r => new { r.TenantId, r.Status, r.StartsOn });
        builder.HasOne(r => r.District).WithMany().HasForeignKey(r => r.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Meetings).WithOne().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CourseMeetingConfiguration : IEntityTypeConfiguration<CourseMeeting>
{
    public void Configure(EntityTypeBuilder<CourseMeeting> builder) =>
        builder.HasIndex(m => new { m.TenantId, m.RunId, m.Date });
}

internal sealed class CourseParticipantConfiguration : IEntityTypeConfiguration<CourseParticipant>
{
    public void Configure(EntityTypeBuilder<CourseParticipant> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(CourseParticipant.NameMaxLength);
        builder.Property(p => p.Contact).HasMaxLength(CourseParticipant.ContactMaxLength);
        builder.Property(p => p.Culture).HasMaxLength(10);
        builder.Property(p => p.ReferenceCode).HasMaxLength(IntakeContact.CodeLength);
        // One participant per member and town; people without account are told apart by their code.
        builder.HasIndex(p => new { p.TenantId, p.UserId }).IsUnique();
        builder.HasIndex(p => new { p.TenantId, p.ReferenceCode }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.Property(e => e.CertificateCode).HasMaxLength(Enrolment.CertificateCodeLength);
        builder.HasIndex(e => new { e.TenantId, e.RunId, e.Status });
        builder.HasIndex(e => new { e.TenantId, e.ParticipantId });
        builder.HasIndex(e => new { e.TenantId, e.CertificateCode }).IsUnique();
        builder.HasOne(e => e.Run).WithMany().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Participant).WithMany().HasForeignKey(e => e.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.HasIndex(a => new { a.TenantId, a.MeetingId, a.EnrolmentId }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.EnrolmentId });
        builder.HasOne<CourseMeeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        // A deleted account takes its enrolments and their marks with it (right to erasure).
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WaitingListEntryConfiguration : IEntityTypeConfiguration<WaitingListEntry>
{
    public void Configure(EntityTypeBuilder<WaitingListEntry> builder)
    {
        builder.HasIndex(w => new { w.TenantId, w.CourseId, w.Status, w.Sequence });
        builder.HasIndex(w => new { w.TenantId, w.ParticipantId });
        builder.HasOne<Course>().WithMany().HasForeignKey(w => w.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CourseRun>().WithMany().HasForeignKey(w => w.RunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(w => w.Participant).WithMany().HasForeignKey(w => w.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SeatOfferConfiguration : IEntityTypeConfiguration<SeatOffer>
{
    public void Configure(EntityTypeBuilder<SeatOffer> builder)
    {
        builder.HasIndex(o => new { o.TenantId, o.RunId, o.Status });
        builder.HasIndex(o => new { o.TenantId, o.Status, o.ExpiresAt });
        builder.HasOne(o => o.Entry).WithMany().HasForeignKey(o => o.WaitingListEntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CourseRun>().WithMany().HasForeignKey(o => o.RunId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QualificationConfiguration : IEntityTypeConfiguration<Qualification>
{
    public void Configure(EntityTypeBuilder<Qualification> builder)
    {
        builder.Property(q => q.Key).HasMaxLength(Qualification.KeyMaxLength);
        builder.Property(q => q.Names).IsTranslatedText();
        builder.Property(q => q.Description).HasMaxLength(Qualification.DescriptionMaxLength);
        builder.HasIndex(q => new { q.TenantId, q.Key }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(q => q.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QualificationGrantConfiguration : IEntityTypeConfiguration<QualificationGrant>
{
    public void Configure(EntityTypeBuilder<QualificationGrant> builder)
    {
        builder.HasIndex(g => new { g.TenantId, g.UserId, g.QualificationId });
        builder.HasIndex(g => new { g.TenantId, g.ValidUntil });
        // A completed enrolment grants each of its qualifications once.
        builder.HasIndex(g => new { g.TenantId, g.SourceEnrolmentId, g.QualificationId }).IsUnique();
        builder.HasOne<Qualification>().WithMany().HasForeignKey(g => g.QualificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(g => g.SourceEnrolmentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CategoryQualificationConfiguration : IEntityTypeConfiguration<CategoryQualification>
{
    public void Configure(EntityTypeBuilder<CategoryQualification> builder)
    {
        builder.HasIndex(c => new { c.TenantId, c.CategoryId, c.QualificationId }).IsUnique();
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Qualification>().WithMany().HasForeignKey(c => c.QualificationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LanguageCourseInterestConfiguration : IEntityTypeConfiguration<LanguageCourseInterest>
{
    public void Configure(EntityTypeBuilder<LanguageCourseInterest> builder)
    {
        builder.Property(i => i.Note).HasMaxLength(LanguageCourseInterest.NoteMaxLength);
        builder.HasIndex(i => new { i.TenantId, i.Status, i.CourseType, i.DistrictId });
        builder.HasIndex(i => new { i.TenantId, i.ParticipantId });
        builder.HasOne(i => i.Participant).WithMany().HasForeignKey(i => i.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<District>().WithMany().HasForeignKey(i => i.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CourseRun>().WithMany().HasForeignKey(i => i.ReferredRunId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class LanguageCourseGroupSizeConfiguration : IEntityTypeConfiguration<LanguageCourseGroupSize>
{
    public void Configure(EntityTypeBuilder<LanguageCourseGroupSize> builder)
    {
        builder.HasIndex(g => new { g.TenantId, g.CourseType }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(g => g.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
