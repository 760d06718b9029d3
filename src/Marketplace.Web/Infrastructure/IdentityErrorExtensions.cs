using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Marketplace.Web.Infrastructure;

public static class IdentityErrorExtensions
{
    /// <summary>Puts each Identity error next to the field it concerns.</summary>
    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                // Only a password change reports it, and that form asks for the current password.
                "PasswordMismatch" => "CurrentPassword",
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => "Password",
                "DuplicateUserName" or "InvalidUserName" => "UserName",
                "DuplicateEmail" or "InvalidEmail" => "Email",
                _ => null,
            };
            modelState.AddModelError(field is null ? string.Empty : $"{prefix}.{field}", error.Description);
        }
    }
}
