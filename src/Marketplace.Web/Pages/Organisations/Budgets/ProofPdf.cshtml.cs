using Marketplace.Web.Budgets;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Organisations.Budgets;

/// <summary>The proof of use as an A4 PDF (audit-logged); <c>?own=true</c> for the organisation's own copy with volunteers' user names.</summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class ProofPdfModel(BudgetAccess access, ProofsOfUse proofs, ProofOfUseExport export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int budgetId, bool own = false)
    {
        if (await ProofDownloads.LoadAsync(access, proofs, id, budgetId, own) is not { } proof)
        {
            return NotFound();
        }

        return File(await export.PdfAsync(proof), "application/pdf", ProofDownloads.FileName(proof, ".pdf"));
    }
}
