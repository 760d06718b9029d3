using System.Text.Json;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.Key).HasMaxLength(60);
        builder.Property(c => c.Icon).HasMaxLength(CategoryIcons.MaxLength);
        builder.Property(c => c.Names).IsTranslatedText();
        builder.HasIndex(c => new { c.TenantId, c.Key }).IsUnique();
        builder.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RentLimitConfiguration : IEntityTypeConfiguration<RentLimit>
{
    public void Configure(EntityTypeBuilder<RentLimit> builder)
    {
        builder.HasIndex(r => new { r.TenantId, r.HouseholdSize }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> builder)
    {
        builder.Property(l => l.Title).HasMaxLength(Listing.TitleMaxLength);
        builder.Property(l => l.Description).HasMaxLength(Listing.DescriptionMaxLength);
        builder.Property(l => l.Languages).HasMaxLength(100);
        builder.Property(l => l.MeetingPoint).HasMaxLength(Listing.MeetingPointMaxLength);
        builder.Property(l => l.AreaSquareMetres).HasPrecision(8, 2);
        builder.Property(l => l.HoursPerWeek).HasPrecision(5, 2);
        builder.Property(l => l.PosterUserId).HasMaxLength(450);
        builder.HasIndex(l => new { l.TenantId, l.Status, l.PublishedAt });
        builder.HasIndex(l => new { l.TenantId, l.Status, l.ExpiresAt });
        // Covers the browse filter (published, not hidden, unexpired) and its most common narrowing, the district.
        builder.HasIndex(l => new { l.TenantId, l.Status, l.IsHidden, l.DistrictId, l.ExpiresAt });
        builder.HasIndex(l => new { l.TenantId, l.CategoryId });
        builder.HasIndex(l => new { l.TenantId, l.DistrictId });
        builder.HasIndex(l => new { l.TenantId, l.PosterUserId });
        builder.HasOne(l => l.Category).WithMany().HasForeignKey(l => l.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.District).WithMany().HasForeignKey(l => l.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Poster).WithMany().HasForeignKey(l => l.PosterUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Organisation).WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(l => l.Photos).WithOne().HasForeignKey(p => p.ListingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(l => l.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ListingPhotoConfiguration : IEntityTypeConfiguration<ListingPhoto>
{
    public void Configure(EntityTypeBuilder<ListingPhoto> builder)
    {
        builder.Property(p => p.ContentType).HasMaxLength(40);
        builder.HasIndex(p => new { p.TenantId, p.ListingId });
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(o => o.Description).HasMaxLength(Organisation.DescriptionMaxLength);
        builder.Property(o => o.Website).HasMaxLength(300);
        builder.HasIndex(o => new { o.TenantId, o.Status });
        builder.HasMany(o => o.Members).WithOne(m => m.Organisation).HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Districts).WithOne().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Categories).WithOne().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(o => o.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationMemberConfiguration : IEntityTypeConfiguration<OrganisationMember>
{
    public void Configure(EntityTypeBuilder<OrganisationMember> builder)
    {
        builder.HasIndex(m => new { m.TenantId, m.OrganisationId, m.UserId }).IsUnique();
        builder.HasIndex(m => new { m.TenantId, m.UserId });
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationInvitationConfiguration : IEntityTypeConfiguration<OrganisationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganisationInvitation> builder)
    {
        builder.Property(i => i.NormalizedEmail).HasMaxLength(256);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => new { i.TenantId, i.TokenHash }).IsUnique();
        builder.HasIndex(i => new { i.TenantId, i.InvitedByUserId, i.CreatedAt });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationDistrictConfiguration : IEntityTypeConfiguration<OrganisationDistrict>
{
    public void Configure(EntityTypeBuilder<OrganisationDistrict> builder)
    {
        builder.HasIndex(d => new { d.TenantId, d.OrganisationId, d.DistrictId }).IsUnique();
        builder.HasOne<District>().WithMany().HasForeignKey(d => d.DistrictId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationCategoryConfiguration : IEntityTypeConfiguration<OrganisationCategory>
{
    public void Configure(EntityTypeBuilder<OrganisationCategory> builder)
    {
        builder.HasIndex(c => new { c.TenantId, c.OrganisationId, c.CategoryId }).IsUnique();
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.HasIndex(c => new { c.TenantId, c.ListingId, c.RespondentUserId }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.OwnerUserId });
        builder.HasIndex(c => new { c.TenantId, c.RespondentUserId });
        builder.HasOne(c => c.Listing).WithMany().HasForeignKey(c => c.ListingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Respondent).WithMany().HasForeignKey(c => c.RespondentUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Messages).WithOne(m => m.Conversation).HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.Property(m => m.Body).HasMaxLength(Message.BodyMaxLength);
        builder.HasIndex(m => new { m.TenantId, m.ConversationId, m.SentAt });
        builder.HasIndex(m => new { m.TenantId, m.SenderUserId, m.SentAt });
        builder.HasOne(m => m.Sender).WithMany().HasForeignKey(m => m.SenderUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MatchConfiguration : IEntityTypeConfiguration<Match>
{
    public void Configure(EntityTypeBuilder<Match> builder)
    {
        builder.HasIndex(m => new { m.TenantId, m.ListingId });
        builder.HasIndex(m => new { m.TenantId, m.Status });
        builder.HasOne<Listing>().WithMany().HasForeignKey(m => m.ListingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Listing>().WithMany().HasForeignKey(m => m.OfferListingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.VolunteerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.TenantId, m.OfferListingId });
        builder.HasIndex(m => new { m.TenantId, m.VolunteerUserId });
        builder.ComplexProperty(m => m.RequestFeedback, f => f.Property(x => x.Comment).HasMaxLength(Match.CommentMaxLength));
        builder.ComplexProperty(m => m.OfferFeedback, f => f.Property(x => x.Comment).HasMaxLength(Match.CommentMaxLength));
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.Property(r => r.TargetId).HasMaxLength(450);
        builder.Property(r => r.Comment).HasMaxLength(Report.CommentMaxLength);
        builder.HasIndex(r => new { r.TenantId, r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.TenantId, r.TargetType, r.TargetId });
        builder.HasIndex(r => new { r.TenantId, r.ReporterUserId, r.CreatedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ModerationActionConfiguration : IEntityTypeConfiguration<ModerationAction>
{
    public void Configure(EntityTypeBuilder<ModerationAction> builder)
    {
        builder.Property(a => a.TargetId).HasMaxLength(450);
        builder.Property(a => a.Reason).HasMaxLength(1000);
        builder.HasIndex(a => new { a.TenantId, a.At });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.Property(m => m.IdempotencyKey).HasMaxLength(OutboxMail.KeyMaxLength);
        builder.Property(m => m.Recipient).HasMaxLength(256);
        builder.Property(m => m.Template).HasMaxLength(60);
        builder.Property(m => m.Culture).HasMaxLength(10);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.UnsubscribeUrl).HasMaxLength(500);
        builder.Property(m => m.MessageId).HasMaxLength(300);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => new { m.TenantId, m.IdempotencyKey }).IsUnique();
        // The delivery job's question: what is due now, across towns.
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
        // No foreign key to Tenants: the platform's own mail has TenantId = Guid.Empty.
    }
}

internal sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> builder)
    {
        builder.HasIndex(n => new { n.TenantId, n.UserId }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(n => n.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DigestSubscriptionConfiguration : IEntityTypeConfiguration<DigestSubscription>
{
    public void Configure(EntityTypeBuilder<DigestSubscription> builder)
    {
        builder.HasIndex(d => new { d.TenantId, d.UserId }).IsUnique();
        builder.HasIndex(d => new { d.TenantId, d.OrganisationId }).IsUnique();
        builder.HasIndex(d => new { d.TenantId, d.Frequency });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Organisation).WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_DigestSubscriptions_Owner",
            "(\"UserId\" IS NULL) <> (\"OrganisationId\" IS NULL)"));
    }
}

internal sealed class OneClickTokenConfiguration : IEntityTypeConfiguration<OneClickToken>
{
    public void Configure(EntityTypeBuilder<OneClickToken> builder)
    {
        builder.Property(t => t.Purpose).HasMaxLength(40);
        builder.Property(t => t.UsedFor).HasMaxLength(40);
        builder.HasIndex(t => new { t.TenantId, t.Purpose, t.TargetId });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
