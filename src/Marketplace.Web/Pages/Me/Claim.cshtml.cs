using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Intake;
using Marketplace.Web.Pages.Coordination.Intake;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Me;

/// <summary>
/// A person the office recorded a request for takes it over with the code from their slip, once they have an
/// account. Posts share the account pages' rate limit, which makes guessing codes pointless.
/// </summary>
[EnableRateLimiting(RateLimits.Account)]
public sealed class ClaimModel(IntakeDesk desk, CurrentMember member, IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    [BindProperty]
    public ClaimInput Input { get; set; } = new();

    public sealed record ClaimInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(40, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_ClaimCode")]
        public string Code { get; set; } = "";
    }

    /// <summary>A link may carry the code (?code=...), so the form arrives filled in.</summary>
    public void OnGet(string? code) => Input.Code = code ?? "";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await member.CanParticipateAsync())
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var (outcome, listingId) = await desk.ClaimAsync(Input.Code, member.UserId!);
        if (outcome != ClaimOutcome.Claimed)
        {
            ModelState.AddModelError("Input.Code", l["Claim_Unknown"]);
            return this.InvalidForm();
        }

        TempData[HtmxResults.StatusKey] = l["Claim_Done"].Value;
        return Redirect($"/listings/{listingId}");
    }
}
