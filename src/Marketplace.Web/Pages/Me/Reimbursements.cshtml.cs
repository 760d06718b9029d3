using Marketplace.Web.Budgets;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Me;

/// <summary>
/// The member's own reimbursement claims with their state, the reason of a refusal and the day paid, the year's
/// reimbursed total against the tax-free allowances, and taking back a claim nobody has decided on yet.
/// </summary>
public sealed class ReimbursementsModel(ReimbursementClaims claims, ReimbursementAllowances allowances, CurrentMember member,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int FirstYear = 2000;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<MyClaim> Claims { get; private set; } = [];
    public AllowanceRequest Allowance { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var today = allowances.Today;
        if (Year is { } year && (year < FirstYear || year > today.Year))
        {
            return NotFound();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        if (!await claims.WithdrawAsync(member.UserId!, id, ct))
        {
            // Someone else's claim, one decided meanwhile or none at all: the list as it is now, with why nothing changed.
            await LoadAsync();
            ModelState.AddModelError(string.Empty, l["Reimb_CannotWithdraw"]);
            return this.InvalidForm("_MyReimbursements", StatusCodes.Status409Conflict);
        }

        return await this.FormSucceededAsync("_MyReimbursements", LoadAsync, l["Reimb_Withdrawn"].Value);
    }

    private async Task LoadAsync()
    {
        Claims = await claims.MineAsync(member.UserId!);
        Allowance = new AllowanceRequest(member.UserId!, Year ?? allowances.Today.Year);
    }
}
