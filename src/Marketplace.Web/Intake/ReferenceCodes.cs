using System.Security.Cryptography;

namespace Marketplace.Web.Intake;

/// <summary>
/// The code on an intake slip. Read aloud, copied by hand and typed on a phone, so the alphabet leaves out characters
/// that look alike (0/O, 1/I/L); 31^8 codes make guessing hopeless behind the rate limit.
/// </summary>
public static class ReferenceCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Domain.IntakeContact.CodeLength);

    /// <summary>What a person typed, as stored: case, spaces and dashes do not matter. Null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        var code = new string((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '‐' or '–')).ToArray()).ToUpperInvariant();
        return code.Length == Domain.IntakeContact.CodeLength && code.All(c => Alphabet.Contains(c)) ? code : null;
    }

    /// <summary>In two groups of four, as printed on the slip.</summary>
    public static string Display(string code) => code.Length == 8 ? $"{code[..4]}-{code[4..]}" : code;
}
