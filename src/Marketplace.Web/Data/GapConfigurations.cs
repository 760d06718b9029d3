using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data;

internal sealed class SupplyFactConfiguration : IEntityTypeConfiguration<SupplyFact>
{
    public void Configure(EntityTypeBuilder<SupplyFact> builder)
    {
        // The weekly build reads a town's facts in (At, Id) order from its watermark; time to match reads a window.
        builder.HasIndex(f => new { f.TenantId, f.At, f.Id });
        // Only the town: facts outlive listings, categories' renames and districts' merges (no other foreign key).
        builder.HasOne<Tenant>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpenSupplyConfiguration : IEntityTypeConfiguration<OpenSupply>
{
    public void Configure(EntityTypeBuilder<OpenSupply> builder)
    {
        builder.HasKey(o => new { o.TenantId, o.ListingKey });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(o => o.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WeeklySupplyConfiguration : IEntityTypeConfiguration<WeeklySupply>
{
    public void Configure(EntityTypeBuilder<WeeklySupply> builder)
    {
        builder.HasIndex(w => new { w.TenantId, w.WeekStart, w.CategoryId, w.SubCategoryId, w.DistrictId, w.Side }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(w => w.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WeeklyVolunteersConfiguration : IEntityTypeConfiguration<WeeklyVolunteers>
{
    public void Configure(EntityTypeBuilder<WeeklyVolunteers> builder)
    {
        builder.HasIndex(w => new { w.TenantId, w.WeekStart, w.CategoryId, w.DistrictId }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(w => w.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupplyWatermarkConfiguration : IEntityTypeConfiguration<SupplyWatermark>
{
    public void Configure(EntityTypeBuilder<SupplyWatermark> builder)
    {
        builder.HasKey(w => w.TenantId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(w => w.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GapAlertConfiguration : IEntityTypeConfiguration<GapAlert>
{
    public void Configure(EntityTypeBuilder<GapAlert> builder)
    {
        builder.HasIndex(a => new { a.TenantId, a.Kind, a.WeekStart, a.CategoryId, a.DistrictId, a.CourseType }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.CoordinatorsNotifiedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
