using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Slug).HasMaxLength(Tenancy.TenantSlug.MaxLength);
        builder.Property(t => t.Name).HasMaxLength(120);
        builder.Property(t => t.TimeZoneId).HasMaxLength(64);
        builder.Property(t => t.DefaultCulture).HasMaxLength(10);
        builder.Property(t => t.ContactEmail).HasMaxLength(256);
        builder.Property(t => t.ContactPhone).HasMaxLength(40);
        builder.Property(t => t.ContactAddress).HasMaxLength(300);
        builder.Property(t => t.Description).HasMaxLength(2000);
        builder.HasMany(t => t.Districts).WithOne().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(District.NameMaxLength);
        builder.HasIndex(d => new { d.TenantId, d.Name }).IsUnique();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<TenantMembership>
{
    public void Configure(EntityTypeBuilder<TenantMembership> builder)
    {
        builder.HasIndex(m => new { m.TenantId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<CoordinatorAppointment>
{
    public void Configure(EntityTypeBuilder<CoordinatorAppointment> builder)
    {
        builder.Property(a => a.NormalizedEmail).HasMaxLength(256);
        builder.HasIndex(a => new { a.TenantId, a.NormalizedEmail });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
