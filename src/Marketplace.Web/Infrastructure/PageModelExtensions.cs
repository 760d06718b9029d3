using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Infrastructure;

public static class PageModelExtensions
{
    /// <summary>The form again with its messages, as 422 so scripts and tests can tell it from success.</summary>
    public static PageResult InvalidForm(this PageModel page)
    {
        var result = page.Page();
        result.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return result;
    }

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
