namespace Marketplace.Web.Security;

/// <summary>The second-factor codes as people type them, in the form Identity compares.</summary>
public static class TwoFactorCodes
{
    /// <summary>"123 456" and "123-456" as an app may show them: the six digits.</summary>
    public static string FromAuthenticator(string typed) => string.Concat(typed.Where(c => !char.IsWhiteSpace(c) && c != '-'));

    /// <summary>Recovery codes are upper case (ABCDE-12345); copied from a note they may come in lower case or with spaces.</summary>
    public static string FromRecovery(string typed) => string.Concat(typed.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
