using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Pages.Account;
using Marketplace.Web.Privacy;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Me.Account;

/// <summary>
/// "Delete my account": confirmed with the password, then 14 days in which logging in cancels it. The member is signed
/// out everywhere at once, so the next login is a deliberate one.
/// </summary>
[EnableRateLimiting(RateLimits.Account)]
public sealed class DeleteModel(AccountDeletions deletions, UserManager<AppUser> users, SignInManager<AppUser> signIn, SessionEnd sessions, CurrentMember member,
    TownClock townClock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public DeleteInput Input { get; set; } = new();

    /// <summary>Set when this session predates a deletion that is already scheduled.</summary>
    public DateTimeOffset? ScheduledFor { get; private set; }

    public sealed class DeleteInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(AccountRules.PasswordMaxLength, ErrorMessage = "Validation_MaxLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Field_Password")]
        public string Password { get; set; } = "";
    }

    public async Task OnGetAsync() => ScheduledFor = await deletions.ScheduledAsync(member.UserId!);

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, Input.Password))
        {
            // Counted like a failed login, so a session left open cannot be used to guess the password here.
            await users.AccessFailedAsync(user);
            ModelState.AddModelError("Input.Password", l["Delete_WrongPassword"]);
        }

        if (!ModelState.IsValid)
        {
            ScheduledFor = await deletions.ScheduledAsync(user.Id);
            return this.InvalidForm();
        }

        await users.ResetAccessFailedCountAsync(user);
        var dueAt = await deletions.ScheduleAsync(user.Id);
        await sessions.EndAllSessionsAsync(user);
        await signIn.SignOutAsync();
        TempData[HtmxResults.StatusKey] = l["Delete_Scheduled", townClock.DateOf(dueAt).ToString("d", System.Globalization.CultureInfo.CurrentCulture)].Value;
        return LocalRedirect("/");
    }

    public async Task<IActionResult> OnPostCancelAsync()
    {
        if (await deletions.CancelAsync(member.UserId!))
        {
            TempData[HtmxResults.StatusKey] = l["Privacy_DeletionCancelled"].Value;
        }

        return RedirectToPage();
    }
}
