using System.Globalization;
using Marketplace.Web.Gaps;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Gaps;

/// <summary>
/// The public gap matrix (/gaps): top category × district for the last complete week, small counts suppressed, gap cells
/// inviting people to offer help there. Kept per town, week and language (Gaps/PublicGapsCache) and kept rendered.
/// </summary>
public sealed class IndexModel(PublicGaps gaps) : PageModel
{
    public PublicGapMatrix Matrix { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Matrix = await gaps.MatrixAsync(ct);

    /// <summary>The listing form with an offer in this category and district preselected (Pages/Listings/New).</summary>
    public static string OfferUrl(int categoryId, int districtId) =>
        string.Create(CultureInfo.InvariantCulture, $"/listings/new?type=Offer&category={categoryId}&district={districtId}");
}
