using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data;

internal sealed class VolunteerProfileConfiguration : IEntityTypeConfiguration<VolunteerProfile>
{
    public void Configure(EntityTypeBuilder<VolunteerProfile> builder)
    {
        builder.Property(v => v.Note).HasMaxLength(VolunteerProfile.NoteMaxLength);
        builder.HasIndex(v => new { v.TenantId, v.UserId }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(v => v.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(v => v.User).WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PoliceClearanceConfiguration : IEntityTypeConfiguration<PoliceClearance>
{
    public void Configure(EntityTypeBuilder<PoliceClearance> builder)
    {
        builder.HasIndex(c => new { c.TenantId, c.VolunteerUserId }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.VolunteerUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VolunteerHoursConfiguration : IEntityTypeConfiguration<VolunteerHours>
{
    public void Configure(EntityTypeBuilder<VolunteerHours> builder)
    {
        builder.Property(h => h.Activity).HasMaxLength(VolunteerHours.ActivityMaxLength);
        builder.HasIndex(h => new { h.TenantId, h.Status, h.WorkedOn });
        builder.HasIndex(h => new { h.TenantId, h.UserId, h.WorkedOn });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(h => h.User).WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(h => h.Organisation).WithMany().HasForeignKey(h => h.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Match>().WithMany().HasForeignKey(h => h.MatchId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class OfficeNoteConfiguration : IEntityTypeConfiguration<OfficeNote>
{
    public void Configure(EntityTypeBuilder<OfficeNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(OfficeNote.TextMaxLength);
        builder.HasIndex(n => new { n.TenantId, n.ListingId, n.CreatedAt });
        builder.HasOne<Listing>().WithMany().HasForeignKey(n => n.ListingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(n => n.Author).WithMany().HasForeignKey(n => n.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OfficeInquiryConfiguration : IEntityTypeConfiguration<OfficeInquiry>
{
    public void Configure(EntityTypeBuilder<OfficeInquiry> builder)
    {
        builder.Property(i => i.Message).HasMaxLength(OfficeInquiry.MessageMaxLength);
        builder.HasIndex(i => new { i.TenantId, i.ListingId, i.CreatedAt });
        builder.HasIndex(i => new { i.TenantId, i.HandledAt });
        builder.HasOne<Listing>().WithMany().HasForeignKey(i => i.ListingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.User).WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.SubjectType).HasMaxLength(20);
        builder.Property(a => a.SubjectId).HasMaxLength(450);
        builder.Property(a => a.Detail).HasMaxLength(AuditEntry.DetailMaxLength);
        builder.HasIndex(a => new { a.TenantId, a.At });
        builder.HasIndex(a => new { a.TenantId, a.ActorUserId, a.At });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
        // The log outlives a deleted coordinator account only as an id: Restrict would block deleting the account.
        builder.HasOne(a => a.Actor).WithMany().HasForeignKey(a => a.ActorUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IntakeContactConfiguration : IEntityTypeConfiguration<IntakeContact>
{
    public void Configure(EntityTypeBuilder<IntakeContact> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(IntakeContact.NameMaxLength);
        builder.Property(i => i.Contact).HasMaxLength(IntakeContact.ContactMaxLength);
        builder.Property(i => i.Culture).HasMaxLength(10);
        builder.Property(i => i.ReferenceCode).HasMaxLength(IntakeContact.CodeLength);
        builder.HasIndex(i => new { i.TenantId, i.ReferenceCode }).IsUnique();
        builder.HasIndex(i => new { i.TenantId, i.ListingId }).IsUnique();
        builder.HasOne<Listing>().WithMany().HasForeignKey(i => i.ListingId).OnDelete(DeleteBehavior.Cascade);
    }
}
