using System.Globalization;
using CsvHelper;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Gaps;

/// <summary>
/// The town's weekly aggregates as open data (/gaps.csv): one row per complete week × top category × district, newest
/// week first, with an HXL hashtag row under the header so a county can merge its towns' files with HXL tools. Counts
/// of 1 and 2 are written as "&lt;3" (<see cref="PublicGaps.Shown"/>): an empty value would read as "no data" and a
/// merged total would silently treat it as zero.
/// </summary>
public sealed class GapsCsv(AppDbContext db, PublicGaps gaps, IStringLocalizer<SharedResource> l)
{
    public const string Suppressed = "<3";

    /// <summary>
    /// The HXL row (hxlstandard.org dictionary). The town is #adm2 as the issue asks (a county merges its towns); a
    /// district of the town is the level below, #adm3. The category is the sector of help. The Monday is #date+start.
    /// Every count is #indicator with +num and attributes saying what is counted.
    /// </summary>
    public static readonly string[] Hashtags =
    [
        "#date+week", "#date+start", "#adm2+name", "#sector+name", "#adm3+name",
        "#indicator+requests+published+num", "#indicator+requests+open+num", "#indicator+offers+published+num", "#indicator+offers+open+num",
        "#indicator+matched+num", "#indicator+requests+expired+num",
    ];

    private static readonly string[] HeaderKeys =
    [
        "GapsPublic_CsvWeek", "GapsPublic_CsvMonday", "GapsPublic_CsvTown", "GapsPublic_CsvCategory", "GapsPublic_CsvDistrict", "GapsPublic_CsvRequestsPublished", "GapsPublic_CsvRequestsOpen",
        "GapsPublic_CsvOffersPublished", "GapsPublic_CsvOffersOpen", "GapsPublic_CsvMatched", "GapsPublic_CsvExpired",
    ];

    /// <summary>
    /// Complete weeks only (the current week changes with every build), from <paramref name="from"/> to
    /// <paramref name="to"/> (Mondays) when given. Same CSV conventions as the transparency export: UTF-8 with a byte
    /// order mark and ";" for German Excel, formula-like cells escaped.
    /// </summary>
    public async Task<byte[]> RenderAsync(string townName, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var last = gaps.LastCompleteWeek;
        var until = to is { } t && t < last ? t : last;
        var (categories, districts) = await gaps.NamesAsync(CultureInfo.CurrentUICulture.Name, ct);
        var supply = db.WeeklySupplies.AsNoTracking().Where(w => w.WeekStart <= until);
        if (from is { } start)
        {
            supply = supply.Where(w => w.WeekStart >= start);
        }

        var rows = await supply
            .GroupBy(w => new { w.WeekStart, w.CategoryId, w.DistrictId })
            .Select(g => new
            {
                g.Key.WeekStart, g.Key.CategoryId, g.Key.DistrictId,
                RequestsPublished = g.Sum(w => w.Side == ListingType.Request ? w.Published : 0),
                RequestsOpen = g.Sum(w => w.Side == ListingType.Request ? w.OpenAtWeekEnd : 0),
                OffersPublished = g.Sum(w => w.Side == ListingType.Offer ? w.Published : 0),
                OffersOpen = g.Sum(w => w.Side == ListingType.Offer ? w.OpenAtWeekEnd : 0),
                Matched = g.Sum(w => w.Side == ListingType.Request ? w.Matched : 0),
                Expired = g.Sum(w => w.Side == ListingType.Request ? w.ExpiredUnmatched : 0),
            })
            .OrderByDescending(r => r.WeekStart).ThenBy(r => r.CategoryId).ThenBy(r => r.DistrictId)
            .ToListAsync(ct);

        var options = new CsvWriterOptions { Separator = ';', Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, options, leaveOpen: true))
        {
            foreach (var key in HeaderKeys)
            {
                csv.WriteField(l[key].Value);
            }

            csv.EndRecord();
            foreach (var tag in Hashtags)
            {
                csv.WriteField(tag);
            }

            csv.EndRecord();
            foreach (var row in rows.Where(r => categories.ContainsKey(r.CategoryId) && districts.ContainsKey(r.DistrictId)))
            {
                csv.WriteField(PublicGaps.IsoWeek(row.WeekStart));
                csv.WriteField(row.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(townName);
                csv.WriteField(categories[row.CategoryId].Name);
                csv.WriteField(districts[row.DistrictId].Name);
                foreach (var count in new[] { row.RequestsPublished, row.RequestsOpen, row.OffersPublished, row.OffersOpen, row.Matched, row.Expired })
                {
                    csv.WriteField(PublicGaps.Shown(count)?.ToString(CultureInfo.InvariantCulture) ?? Suppressed);
                }

                csv.EndRecord();
            }
        }

        return output.ToArray();
    }
}
