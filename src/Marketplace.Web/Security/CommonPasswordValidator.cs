using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Marketplace.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Security;

/// <summary>
/// Length is the main rule (no composition rules: many users type on unfamiliar keyboards); on top of it,
/// refuse passwords that are widely used or contain the user name.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> l) : IPasswordValidator<AppUser>
{
    public const string Code = "PasswordTooCommon";

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "1234567890", "12345678910", "0123456789", "1111111111", "0000000000", "1234512345", "9876543210",
        "qwertyuiop", "qwertzuiop", "asdfghjkl1", "password12", "password123", "password1234", "passwort12",
        "passwort123", "passwort1234", "hallo12345", "hallo123456", "iloveyou12", "abc1234567", "abcdefghij",
        "qwerty1234", "qwertz1234", "1q2w3e4r5t", "1qaz2wsx3edc", "letmein123", "welcome123", "willkommen",
        "willkommen1", "sommer2024", "sommer2025", "sommer2026", "winter2025", "winter2026", "fussball12",
        "geheim1234", "schalke04!", "marketplace", "marketplace1", "helpto1234", "erlangen123", "potsdam123",
        "koeln12345", "deutschland", "deutschland1",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var containsName = user.UserName is { Length: >= 3 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase);
        return Task.FromResult(Common.Contains(password) || containsName
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = l["Identity_" + Code] })
            : IdentityResult.Success);
    }
}
