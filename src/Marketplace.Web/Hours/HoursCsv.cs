using System.Globalization;
using System.Text;

namespace Marketplace.Web.Hours;

public sealed record HoursExportRow(DateOnly WorkedOn, string Volunteer, string? Organisation, int? MatchId, string Activity, decimal Hours, decimal Value);

/// <summary>
/// Approved hours as a CSV file for German Excel: UTF-8 with a byte order mark (else umlauts break), ";" between cells,
/// and numbers with a decimal comma and no thousands separator ("1234,50"), which is what German Excel reads as a
/// number when it splits on ";". Dates are ISO (2026-03-05), which Excel reads in every locale.
/// </summary>
public static class HoursCsv
{
    private const char Separator = ';';
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<HoursExportRow> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            Line(text,
            [
                row.WorkedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                row.Volunteer,
                row.Organisation ?? "",
                row.MatchId?.ToString(CultureInfo.InvariantCulture) ?? "",
                row.Activity,
                Number(row.Hours),
                Number(row.Value),
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Number(decimal value) => value.ToString("0.00", German);

    /// <summary>
    /// One cell: a text a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a
    /// leading apostrophe (OWASP's advice against CSV injection); then quoted if it holds the separator, a quote or a
    /// line break.
    /// </summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([Separator, '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Line(StringBuilder text, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(Separator);
            }

            text.Append(Cell(cells[i]));
        }

        text.Append("\r\n");
    }
}
