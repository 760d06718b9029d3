using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data;

internal sealed class DataExportConfiguration : IEntityTypeConfiguration<DataExport>
{
    public void Configure(EntityTypeBuilder<DataExport> builder)
    {
        // One archive in the making per account: a second request at the same moment is refused by the database.
        builder.HasIndex(e => e.UserId).IsUnique().HasFilter("\"ReadyAt\" IS NULL").HasDatabaseName("IX_DataExports_UserId_Pending");
        builder.HasIndex(e => e.ExpiresAt);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccountDeletionConfiguration : IEntityTypeConfiguration<AccountDeletion>
{
    public void Configure(EntityTypeBuilder<AccountDeletion> builder)
    {
        builder.HasIndex(d => d.UserId).IsUnique();
        builder.HasIndex(d => d.DueAt);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
