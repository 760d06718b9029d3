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
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) && error.Code != "PasswordMismatch" => "Password",
                "DuplicateUserName" or "InvalidUserName" => "UserName",
                "DuplicateEmail" or "InvalidEmail" => "Email",
                _ => null,
            };
            modelState.AddModelError(field is null ? string.Empty : $"{prefix}.{field}", error.Description);
        }
    }
}
