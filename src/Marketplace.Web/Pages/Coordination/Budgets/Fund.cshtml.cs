using Marketplace.Web.Budgets;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination.Budgets;

/// <summary>
/// A new fund (no id) or an existing one, for town admins (Budgets/BudgetAccess.MayKeepFundsAsync). The amount can never
/// go below what is already allocated: the update itself checks it, so an approval at the same moment cannot slip under.
/// </summary>
public sealed class FundModel(AppDbContext db, BudgetAccess access, AuditLog audit, CurrentMember member, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public FundInput Input { get; set; } = new();

    public int? FundId { get; private set; }
    public long AllocatedCents { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? fundId)
    {
        if (!await access.MayKeepFundsAsync())
        {
            return NotFound();
        }

        if (fundId is { } id)
        {
            var fund = await db.Funds.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id);
            if (fund is null)
            {
                return NotFound();
            }

            Input = FundInput.From(fund);
            FundId = id;
            AllocatedCents = fund.AllocatedCents;
        }
        else
        {
            Input.Lines = [.. BudgetRules.Lines];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? fundId)
    {
        if (!await access.MayKeepFundsAsync())
        {
            return NotFound();
        }

        FundId = fundId;
        if (fundId is { } id)
        {
            var allocated = await db.Funds.Where(f => f.Id == id).Select(f => (long?)f.AllocatedCents).SingleOrDefaultAsync();
            if (allocated is null)
            {
                return NotFound();
            }

            AllocatedCents = allocated.Value;
        }

        Input.Validate(ModelState, l);
        if (ModelState.IsValid && Input.AmountCents < AllocatedCents)
        {
            ModelState.AddModelError("Input.Amount", l["Budgets_AmountBelowAllocated", BudgetFigures.Euros(AllocatedCents)]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var name = Input.Name!.Trim();
        var amount = Input.AmountCents;
        if (FundId is { } existing)
        {
            var saved = await db.Funds.Where(f => f.Id == existing && f.AllocatedCents <= amount).ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Name, name)
                .SetProperty(f => f.Source, Input.Source!.Value)
                .SetProperty(f => f.Programme, FundInput.Trimmed(Input.Programme))
                .SetProperty(f => f.AmountCents, amount)
                .SetProperty(f => f.StartsOn, Input.StartsOn!.Value)
                .SetProperty(f => f.EndsOn, Input.EndsOn!.Value)
                .SetProperty(f => f.EligibleLines, Input.EligibleLines)
                .SetProperty(f => f.CoFinancingPercent, Input.CoFinancingPercent)
                .SetProperty(f => f.ProofDueMonths, Input.ProofDueMonths)
                .SetProperty(f => f.CountsVolunteerHours, Input.CountsVolunteerHours)
                .SetProperty(f => f.Note, FundInput.Trimmed(Input.Note)));
            if (saved != 1)
            {
                // An approval allocated more since the check above.
                AllocatedCents = await db.Funds.Where(f => f.Id == existing).Select(f => f.AllocatedCents).SingleAsync();
                ModelState.AddModelError("Input.Amount", l["Budgets_AmountBelowAllocated", BudgetFigures.Euros(AllocatedCents)]);
                return this.InvalidForm();
            }
        }
        else
        {
            var fund = new Fund
            {
                Name = name, Source = Input.Source!.Value, Programme = FundInput.Trimmed(Input.Programme), AmountCents = amount,
                StartsOn = Input.StartsOn!.Value, EndsOn = Input.EndsOn!.Value, EligibleLines = Input.EligibleLines, CoFinancingPercent = Input.CoFinancingPercent,
                ProofDueMonths = Input.ProofDueMonths, CountsVolunteerHours = Input.CountsVolunteerHours, Note = FundInput.Trimmed(Input.Note),
                CreatedAt = clock.GetUtcNow(),
            };
            db.Funds.Add(fund);
            await db.SaveChangesAsync();
            FundId = fund.Id;
        }

        audit.Record(AuditAction.SavedFund, "fund", FundId!.Value, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{amount} cents"),
            member.UserId);
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Budgets_FundSaved", name].Value;
        return RedirectToPage("/Coordination/Budgets/Funds");
    }
}
