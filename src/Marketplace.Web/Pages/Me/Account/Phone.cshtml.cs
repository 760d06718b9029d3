using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Me.Account;

/// <summary>
/// The account's phone number: what "share my phone number" in a conversation shows the other side. Removing it stops
/// that sharing in every conversation of every town.
/// </summary>
public sealed class PhoneModel(UserManager<AppUser> users, AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public PhoneInput Input { get; private set; } = new();

    public string? CurrentPhone { get; private set; }

    public sealed class PhoneInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(Domain.PhoneNumber.MaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_PhoneNumber")]
        public string PhoneNumber { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        CurrentPhone = user.PhoneNumber;
        Input = new PhoneInput { PhoneNumber = user.PhoneNumber ?? "" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = nameof(Input))] PhoneInput input)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Input = input;
        CurrentPhone = user.PhoneNumber;
        var normalized = "";
        if (ModelState.IsValid && !Domain.PhoneNumber.TryNormalize(input.PhoneNumber, out normalized))
        {
            ModelState.AddModelError("Input.PhoneNumber", l["Validation_Phone"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        // Not UserManager.SetPhoneNumberAsync: that renews the security stamp and would end the account's other
        // sessions, and the number is contact data here, not a way to sign in.
        user.PhoneNumber = normalized;
        user.PhoneNumberConfirmed = false;
        await users.UpdateAsync(user);
        TempData[HtmxResults.StatusKey] = l["Account_PhoneSaved"].Value;
        return RedirectToPage("/Me/Account/Index");
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        await users.UpdateAsync(user);
        await AccountWideWrites.StopSharingPhoneAsync(db, user.Id);
        TempData[HtmxResults.StatusKey] = l["Account_PhoneRemoved"].Value;
        return RedirectToPage("/Me/Account/Index");
    }
}
