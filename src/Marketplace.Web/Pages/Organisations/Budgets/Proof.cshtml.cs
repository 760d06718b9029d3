using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Budgets;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Organisations.Budgets;

/// <summary>
/// The proof of use (Verwendungsnachweis) in one click, for the organisation's admins and the office: the narrative draft,
/// the organisation's own text (edited here), the plan by lines, every booked payment and, where the fund counts them,
/// the volunteer hours as a timesheet; the same as PDF and the payments as CSV. The funder's copy (the default) names no
/// volunteer; the organisation's own copy (<c>?own=true</c>) adds the user name to each reimbursement.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class ProofModel(AppDbContext db, BudgetAccess access, ProofsOfUse proofs, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Own { get; set; }

    public ProofOfUse Proof { get; private set; } = null!;

    [BindProperty]
    public TextInput Text { get; set; } = new();

    public sealed class TextInput
    {
        [StringLength(ProjectBudget.TextMaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Effects_FieldReportText")]
        public string? ReportText { get; set; }
    }

    public string BasePath => $"/organisations/{Proof.OrganisationId}/budgets/{Proof.BudgetId}";

    public async Task<IActionResult> OnGetAsync(int id, int budgetId)
    {
        if (await LoadAsync(id, budgetId) is { } denied)
        {
            return denied;
        }

        Text = new TextInput { ReportText = Proof.ReportText };
        return Page();
    }

    public async Task<IActionResult> OnPostTextAsync(int id, int budgetId)
    {
        if (await LoadAsync(id, budgetId) is { } denied)
        {
            return denied;
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm("_ReportText");
        }

        var text = string.IsNullOrWhiteSpace(Text.ReportText) ? null : Text.ReportText.Trim();
        await db.ProjectBudgets.Where(b => b.Id == budgetId && b.OrganisationId == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.ReportText, text));
        return await this.FormSucceededAsync("_ReportText", async () =>
        {
            await LoadAsync(id, budgetId);
            Text = new TextInput { ReportText = Proof.ReportText };
        }, l["Effects_ReportTextSaved"].Value, new { id, budgetId, own = Own });
    }

    /// <summary>The proof as the reader may see it, or the answer for one who may not: 404 unless they may manage the project's money.</summary>
    private async Task<IActionResult?> LoadAsync(int id, int budgetId)
    {
        if (!(await access.ForOrganisationAsync(id)).MayManage || await proofs.ForAsync(id, budgetId, Own) is not { } proof)
        {
            return NotFound();
        }

        Proof = proof;
        return null;
    }
}
