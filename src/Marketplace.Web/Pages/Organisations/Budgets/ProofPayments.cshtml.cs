using Marketplace.Web.Budgets;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Organisations.Budgets;

/// <summary>Every booked payment of the project as CSV in date order (audit-logged); <c>?own=true</c> names the volunteers.</summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class ProofPaymentsModel(BudgetAccess access, ProofsOfUse proofs, ProofOfUseExport export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int budgetId, bool own = false)
    {
        if (await ProofDownloads.LoadAsync(access, proofs, id, budgetId, own) is not { } proof)
        {
            return NotFound();
        }

        return File(await export.PaymentsCsvAsync(proof), "text/csv; charset=utf-8", ProofDownloads.FileName(proof, "-zahlungen.csv"));
    }
}
