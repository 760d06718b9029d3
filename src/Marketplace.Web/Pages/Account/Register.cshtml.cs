using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Mail;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Web.Pages.Account;

/// <summary>Town hosts only: one registers as a member of the town whose address one is on.</summary>
[EnableRateLimiting(RateLimits.Account)]
[HostScope(HostScope.Town)]
public sealed class RegisterModel(UserManager<AppUser> users, AppDbContext db, Memberships memberships, AccountMailer mailer,
    ITenantContext tenant, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(30, MinimumLength = 3, ErrorMessage = "Validation_Length")]
        [RegularExpression(AccountRules.UserNamePattern, ErrorMessage = "Validation_UserNameChars")]
        [Display(Name = "Field_UserName")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Validation_Required")]
        [EmailAddress(ErrorMessage = "Validation_Email")]
        [StringLength(256, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(AccountRules.PasswordMaxLength, ErrorMessage = "Validation_MaxLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Field_Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation_Required")]
        [Compare(nameof(Password), ErrorMessage = "Validation_PasswordsDiffer")]
        [DataType(DataType.Password)]
        [Display(Name = "Field_ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";

        [MustBeTrue(ErrorMessage = "Validation_AcceptPrivacy")]
        [Display(Name = "Field_AcceptPrivacy")]
        public bool AcceptPrivacy { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var town = tenant.Tenant!;
        var culture = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var user = new AppUser { UserName = Input.UserName, Email = Input.Email, CreatedAt = clock.GetUtcNow(), PreferredCulture = culture };

        // User name and password are checked before the address, so a known and an unknown address get the same answer.
        await ValidateUserNameAndPasswordAsync(user);
        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        // An address that already has an account gets a hint by mail instead of an error here,
        // so the form does not tell strangers who is registered.
        if (await users.FindByEmailAsync(Input.Email) is { } owner)
        {
            await mailer.SendAlreadyRegisteredAsync(owner, town.Name);
            return RedirectToPage("RegisterConfirmation");
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var created = await users.CreateAsync(user, Input.Password);
            if (!created.Succeeded)
            {
                ModelState.AddIdentityErrors(created);
                return this.InvalidForm();
            }

            await memberships.JoinAsync(user.Id);
            await mailer.QueueConfirmationAsync(user, town.Name);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        return RedirectToPage("RegisterConfirmation");
    }

    private async Task ValidateUserNameAndPasswordAsync(AppUser user)
    {
        // Only the user name part of the user validators: their e-mail errors would tell that the address is taken.
        foreach (var validator in users.UserValidators)
        {
            var result = await validator.ValidateAsync(users, user);
            ModelState.AddIdentityErrors(IdentityResult.Failed(
                result.Errors.Where(e => e.Code is nameof(IdentityErrorDescriber.InvalidUserName) or nameof(IdentityErrorDescriber.DuplicateUserName)).ToArray()));
        }

        foreach (var validator in users.PasswordValidators)
        {
            ModelState.AddIdentityErrors(await validator.ValidateAsync(users, user, Input.Password));
        }
    }
}
