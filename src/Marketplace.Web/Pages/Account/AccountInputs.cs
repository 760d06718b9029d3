using Marketplace.Web.Localization;

namespace Marketplace.Web.Pages.Account;

/// <summary>Rules shared by the account forms; messages are resource keys.</summary>
public static class AccountRules
{
    public const int PasswordMaxLength = 128;
    public const string UserNamePattern = "^[a-zA-Z0-9._-]+$";
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class MustBeTrueAttribute : LocalizedValidationAttribute
{
    protected override bool IsValidValue(object? value) => value is true;
}
