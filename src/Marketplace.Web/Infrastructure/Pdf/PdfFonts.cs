using SkiaSharp;

namespace Marketplace.Web.Infrastructure.Pdf;

/// <summary>
/// The typefaces of the app's PDFs, embedded in the assembly so a server or container needs no font installed:
/// DejaVu Sans (Bitstream Vera licence, Fonts/LICENSE-DejaVu.txt) for Latin, Cyrillic and everything else it covers, and
/// Vazirmatn in its non-Latin cut (SIL OFL 1.1, Fonts/LICENSE-Vazirmatn.txt) for Arabic and Persian. DejaVu has basic
/// Arabic letters too; Vazirmatn is drawn for Arabic and Persian text, so Arabic script goes to it first.
/// The DejaVu files are subsets (Fonts/subset.sh): the PDF writer embeds a face whole, and whole DejaVu made a one-page
/// proof 800 KB.
/// </summary>
public static class PdfFonts
{
    private static readonly Lazy<SKTypeface> LatinRegular = new(() => Load("DejaVuSans"));
    private static readonly Lazy<SKTypeface> LatinBold = new(() => Load("DejaVuSans-Bold"));
    private static readonly Lazy<SKTypeface> ArabicRegular = new(() => Load("Vazirmatn-NL-Regular"));
    private static readonly Lazy<SKTypeface> ArabicBold = new(() => Load("Vazirmatn-NL-Bold"));

    /// <summary>The face whose metrics set a line's baseline.</summary>
    public static SKTypeface Primary(bool bold) => bold ? LatinBold.Value : LatinRegular.Value;

    /// <summary>
    /// The face for a character: by script first, then the first face that has it. Characters of no script (spaces,
    /// punctuation, joiners) stay in the face before them, so a run is not cut at every space.
    /// </summary>
    public static SKTypeface For(int codePoint, bool bold, SKTypeface? previous)
    {
        var (latin, arabic) = bold ? (LatinBold.Value, ArabicBold.Value) : (LatinRegular.Value, ArabicRegular.Value);
        if (previous is not null && !IsLetterOrDigit(codePoint) && previous.ContainsGlyph(codePoint))
        {
            return previous;
        }

        var first = IsArabicScript(codePoint) ? arabic : latin;
        var second = ReferenceEquals(first, arabic) ? latin : arabic;
        return first.ContainsGlyph(codePoint) || !second.ContainsGlyph(codePoint) ? first : second;
    }

    private static bool IsLetterOrDigit(int codePoint) =>
        codePoint > char.MaxValue ? true : char.IsLetterOrDigit((char)codePoint);

    private static bool IsArabicScript(int codePoint) =>
        codePoint is >= 0x0600 and <= 0x06FF or >= 0x0750 and <= 0x077F or >= 0x0870 and <= 0x08FF
            or >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF;

    private static SKTypeface Load(string face)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream($"Marketplace.Web.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"The font {face} is not embedded.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return SKTypeface.FromData(SKData.CreateCopy(bytes.ToArray()))
            ?? throw new InvalidOperationException($"The font {face} cannot be read.");
    }
}
