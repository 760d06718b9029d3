using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Coordination.Intake;

/// <summary>One intake with the person's name and contact; each look at them is logged before they are shown.</summary>
public sealed class DetailsModel(AppDbContext db, AuditLog audit) : PageModel
{
    public View Intake { get; private set; } = null!;

    public sealed record View(int Id, int ListingId, string Title, string Name, string? Contact, string Culture, string Code,
        DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? ClaimedAt, string? ClaimedBy);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var intake = await db.IntakeContacts.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new View(i.Id, i.ListingId,
                db.Listings.Where(l => l.Id == i.ListingId).Select(l => l.Title).FirstOrDefault() ?? "",
                i.Name, i.Contact, i.Culture, i.ReferenceCode, i.CreatedAt,
                db.Users.Where(u => u.Id == i.CreatedByUserId).Select(u => u.UserName).FirstOrDefault(),
                i.ClaimedAt,
                db.Users.Where(u => u.Id == i.ClaimedByUserId).Select(u => u.UserName).FirstOrDefault()))
            .SingleOrDefaultAsync();
        if (intake is null)
        {
            return NotFound();
        }

        await audit.ViewedAsync(AuditAction.ViewedIntakeContact, "intake", intake.Id);
        Intake = intake;
        return Page();
    }
}
