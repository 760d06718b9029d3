using Marketplace.Web.Infrastructure.Pdf;

namespace Marketplace.Tests.Unit.Infrastructure;

/// <summary>
/// How a line of the PDFs reads on paper: Arabic and Persian from the right, names and numbers in them from the left,
/// an Arabic name inside a German sentence from the right.
/// </summary>
public sealed class BidiTextTests
{
    /// <summary>The runs from the page's left edge to its right, each as its logical text with "&lt;" marking right to left.</summary>
    private static string[] Visual(string line, bool rightToLeft) =>
        BidiText.VisualRuns(line, rightToLeft).Select(r => (r.RightToLeft ? "<" : "") + line.Substring(r.Start, r.Length)).ToArray();

    [Fact]
    public void GermanLine_IsOneLeftToRightRun()
    {
        Assert.Equal(["Insgesamt 4,5 Std."], Visual("Insgesamt 4,5 Std.", rightToLeft: false));
    }

    [Fact]
    public void ArabicNameInAGermanSentence_ReadsFromTheRight_InItsPlace()
    {
        Assert.Equal(["dass ", "<محمد", " im Zeitraum"], Visual("dass محمد im Zeitraum", rightToLeft: false));
    }

    [Fact]
    public void LatinNameInAnArabicSentence_StandsLeftOfTheWordsBeforeIt()
    {
        Assert.Equal(["< قام", "Anna Schmidt", "<نؤكد أن "], Visual("نؤكد أن Anna Schmidt قام", rightToLeft: true));
    }

    [Fact]
    public void HoursInArabic_TheNumberIsReadFirst_AtTheRight_AndKeepsItsComma()
    {
        Assert.Equal(["< ساعة", "4,5"], Visual("4,5 ساعة", rightToLeft: true));
    }

    [Fact]
    public void DatesInArabic_StayWhole_AndTheLaterOneStandsLeft()
    {
        Assert.Equal(["02.01.2025", "< – ", "01.01.2025", "<مرات، "], Visual("مرات، 01.01.2025 – 02.01.2025", rightToLeft: true));
    }

    [Fact]
    public void PersianWordWithAZeroWidthNonJoiner_IsOneRun()
    {
        Assert.Equal(["<بدین‌وسیله تأیید می‌شود"], Visual("بدین‌وسیله تأیید می‌شود", rightToLeft: true));
    }
}
