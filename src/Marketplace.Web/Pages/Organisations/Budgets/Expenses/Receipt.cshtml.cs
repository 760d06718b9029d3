using Marketplace.Web.Budgets;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Web.Pages.Organisations.Budgets.Expenses;

/// <summary>
/// The receipt of an expense, for those BudgetAccess lets open receipts (the organisation's admins, the office, the town
/// admin) and for its submitter; a 404 for anyone else and for other towns. Every opening by someone other than the
/// submitter is in the audit log. A PDF is a download (a browser's PDF viewer runs scripts of the file); a photo, which
/// we re-encoded ourselves, shows inline. Never cached, never sniffed.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class ReceiptModel(AppDbContext db, BudgetAccess access, CurrentMember member, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int budgetId, int expenseId)
    {
        var expense = await db.Expenses.AsNoTracking()
            .Where(e => e.Id == expenseId && e.ProjectBudgetId == budgetId && e.ProjectBudget!.OrganisationId == id)
            .Select(e => new { e.SubmittedByUserId }).SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (expense is null)
        {
            return NotFound();
        }

        var own = expense.SubmittedByUserId == member.UserId;
        var standing = await access.ForOrganisationAsync(id, HttpContext.RequestAborted);
        // The submitter always sees what they handed in: a volunteer's reimbursement may be charged to a budget of an
        // organisation (the office's) they do not belong to.
        if (!(standing.MayOpenReceipts || own))
        {
            return NotFound();
        }

        var receipt = await db.ExpenseReceipts.AsNoTracking().Where(r => r.ExpenseId == expenseId).OrderByDescending(r => r.Id)
            .Select(r => new { r.ContentType, r.FileName, r.Data }).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (receipt is null)
        {
            return NotFound();
        }

        if (!own)
        {
            audit.Record(AuditAction.OpenedReceipt, "expense", expenseId, $"budget={budgetId}");
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }

        Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        var pdf = receipt.ContentType == ReceiptFiles.PdfContentType;
        var disposition = new ContentDispositionHeaderValue(pdf ? "attachment" : "inline");
        disposition.SetHttpFileName(receipt.FileName);
        Response.Headers[HeaderNames.ContentDisposition] = disposition.ToString();
        return File(receipt.Data, receipt.ContentType);
    }
}
