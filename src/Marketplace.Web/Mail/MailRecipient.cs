using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Mail;

/// <summary>Someone the office may mail: a confirmed address, the name to greet, the language they read.</summary>
public sealed record MailRecipient(string Email, string UserName, string? Culture)
{
    public static Task<MailRecipient?> FindAsync(AppDbContext db, string userId) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId && u.EmailConfirmed && u.Email != null)
            .Select(u => new MailRecipient(u.Email!, u.UserName!, u.PreferredCulture)).SingleOrDefaultAsync();
}
