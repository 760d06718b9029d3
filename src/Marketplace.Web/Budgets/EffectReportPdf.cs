using System.Globalization;
using Marketplace.Web.Infrastructure.Pdf;
using Marketplace.Web.Resources;
using Microsoft.Extensions.Localization;
using SkiaSharp;

namespace Marketplace.Web.Budgets;

/// <summary>The yearly effect report as an A4 PDF with the same content and order as its page, in the reader's language.</summary>
public sealed class EffectReportPdf(IStringLocalizer<SharedResource> l)
{
    public byte[] Render(EffectReport report)
    {
        var culture = CultureInfo.CurrentUICulture;
        var title = l["Effects_ReportTitle", report.Year].Value;
        var metadata = new SKDocumentPdfMetadata { Title = title, Author = report.TownName, Creator = "Marketplace", Producer = "Marketplace" };
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, metadata))
        using (var writer = new PdfPageWriter(document, new PdfTextLayout(culture), amountColumn: 150))
        {
            writer.Paragraph(title, 18, bold: true);
            writer.Line(report.TownName, 12);
            writer.Paragraph(l["Effects_ReportIntro"].Value, 9.5f, muted: true);
            foreach (var area in report.Areas)
            {
                writer.Space(10);
                writer.Paragraph(l["Effects_GoalArea", area.Name ?? l["Effects_NoGoalArea"].Value].Value, 14, bold: true);
                foreach (var measure in area.Measures)
                {
                    writer.Space(6);
                    writer.Paragraph(l["Effects_Measure", measure.Title, measure.Organisation].Value, 12, bold: true);
                    writer.Paragraph(l["Effects_EffectGoalLine", measure.EffectGoal ?? "–"].Value, 10);
                    writer.Paragraph(l["Effects_InfluenceLine", l[EffectStepNames.KeyOf(measure.Influence)].Value].Value, 10);
                    writer.Paragraph(l["Effects_TargetGroupLine", measure.TargetGroup ?? "–"].Value, 10);
                    foreach (var indicator in measure.Indicators)
                    {
                        writer.Row($"{l[EffectStepNames.KeyOf(indicator.Step)].Value}: {indicator.Name}",
                            l["Effects_TargetActual", indicator.Target, indicator.Actual?.ToString(culture) ?? "–", indicator.Unit].Value
                            + (indicator.AchievedPercent is { } percent ? $" ({l["Effects_Percent", percent].Value})" : ""), 10);
                    }

                    writer.Row(l["Effects_PlannedCost"].Value, Euros(measure.GrantedCents, culture), 10);
                    writer.Row(l["Effects_ActualCost", report.Year].Value, Euros(measure.SpentInYearCents, culture), 10);
                    writer.Row(l["Effects_VolunteerHours", Hours(measure.HoursMinutes, culture)].Value, Euros(measure.HoursValueCents, culture), 10);
                }
            }

            writer.Space(12);
            writer.Rule();
            writer.Row(l["Effects_PlannedCost"].Value, Euros(report.GrantedCents, culture), 11, bold: true);
            writer.Row(l["Effects_ActualCost", report.Year].Value, Euros(report.SpentInYearCents, culture), 11, bold: true);
            writer.Space(8);
            writer.Line(l["Effects_TownFigures"].Value, 13, bold: true);
            writer.Row(l["Effects_CourseCompletions"].Value, report.Town.CourseCompletions.ToString(culture), 10.5f);
            writer.Row(l["Effects_MatchesMade"].Value, report.Town.MatchesMade.ToString(culture), 10.5f);
            writer.Row(l["Effects_MedianDays"].Value, report.Town.MedianDaysToMatch?.ToString("0.#", culture) ?? "–", 10.5f);
            writer.Space(8);
            writer.Line(l["GapsPublic_OutcomesTitle"].Value, 13, bold: true);
            writer.Row(l["GapsPublic_OutcomeMatchedWithin7"].Value,
                report.Outcomes.SharePercent is { } share ? l["Effects_Percent", share].Value : "–", 10.5f);
            writer.Paragraph(l["GapsPublic_OutcomeMatchedWithin7Definition"].Value, 9, muted: true);
            foreach (var category in report.Outcomes.GapWeeks)
            {
                writer.Row(l["GapsPublic_OutcomeGapWeeksOf", category.Category].Value, category.Weeks.ToString(culture), 10.5f);
            }

            writer.Paragraph(l["GapsPublic_OutcomeGapWeeksDefinition"].Value, 9, muted: true);
        }

        return output.ToArray();
    }

    private string Hours(int minutes, CultureInfo culture) =>
        Marketplace.Web.Hours.HoursFormat.Hours(Domain.VolunteerHours.ToHours(minutes), culture);

    private static string Euros(long cents, CultureInfo culture) => ProofsOfUse.Money(cents, culture);
}
