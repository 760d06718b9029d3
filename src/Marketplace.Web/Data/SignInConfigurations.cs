using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data;

internal sealed class LoginFailureConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> builder)
    {
        builder.Property(f => f.ClientAddress).HasMaxLength(64);
        // No key to the account: unknown logins are counted too, and every row is gone 15 minutes after it was written.
        builder.Property(f => f.Account).HasMaxLength(LoginFailure.AccountMaxLength);
        builder.HasIndex(f => new { f.Account, f.FailedAt });
        builder.HasIndex(f => f.FailedAt);
    }
}

internal sealed class LoginLinkConfiguration : IEntityTypeConfiguration<LoginLink>
{
    public void Configure(EntityTypeBuilder<LoginLink> builder)
    {
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.Property(l => l.Host).HasMaxLength(32);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.UserId, l.CreatedAt });
        builder.HasIndex(l => l.ExpiresAt);
    }
}
