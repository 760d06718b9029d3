using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Listings;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination;

/// <summary>
/// The office's open inquiries: members asking about a listing in office mode. The office answers them outside the
/// platform (or proposes a match) and marks them handled here; handled ones leave the list.
/// </summary>
public sealed class InquiriesModel(AppDbContext db, CurrentMember member, AuditLog audit, TimeProvider clock,
    IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    /// <summary>The list shows this many, newest first; the rest follow as older ones are handled.</summary>
    public const int Shown = 200;

    public IReadOnlyList<InquiryRow> Rows { get; private set; } = [];
    public int OpenCount { get; private set; }

    public sealed record InquiryRow(int Id, int ListingId, ListingType ListingType, string ListingTitle, string UserName, string Message,
        DateTimeOffset CreatedAt)
    {
        /// <summary>Requests are worked on in the office's queue; offers are read on their page.</summary>
        public string ListingUrl => ListingType == ListingType.Request ? $"/coordination/requests/{ListingId}" : $"/listings/{ListingId}";
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostHandleAsync(int id)
    {
        var inquiry = await db.OfficeInquiries.SingleOrDefaultAsync(i => i.Id == id);
        if (inquiry is null)
        {
            return NotFound();
        }

        // A second click (or a colleague) was first: nothing more to record.
        if (inquiry.HandledAt is null)
        {
            inquiry.HandledAt = clock.GetUtcNow();
            inquiry.HandledByUserId = member.UserId;
            audit.Record(AuditAction.HandledInquiry, "inquiry", inquiry.Id, $"listing {inquiry.ListingId}");
            await db.SaveChangesAsync();
        }

        return await this.FormSucceededAsync("_InquiryList", LoadAsync, l["Office_InquiryHandledDone"].Value);
    }

    private async Task LoadAsync()
    {
        var open = OfficeInquiries.Open(db).AsNoTracking();
        OpenCount = await open.CountAsync();
        Rows = await open.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(Shown)
            .Join(db.Listings, i => i.ListingId, x => x.Id, (i, x) => new InquiryRow(i.Id, x.Id, x.Type, x.Title, i.User!.UserName!,
                i.Message, i.CreatedAt))
            .ToListAsync();
    }
}
