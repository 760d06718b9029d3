using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Matching;

/// <summary>
/// What a proposal is about, as both sides may see it before they answer: each listing's title, category, district and
/// time window, and the other side's public name (a user name or an organisation, never an address or a meeting point).
/// The proposal mail and the answer page word it with <see cref="Lines"/>, so both say the same.
/// </summary>
public sealed record MatchParticulars(MatchParticulars.Part Request, MatchParticulars.Part? Offer, string? RequesterName, string HelperName)
{
    /// <summary>One listing at the level the public sees it: the district, not the address.</summary>
    public sealed record Part(string Title, TranslatedText Category, string District, DateOnly? From, DateOnly? Until);

    public static async Task<MatchParticulars?> LoadAsync(AppDbContext db, int matchId)
    {
        var row = await (
                from m in db.Matches.AsNoTracking()
                where m.Id == matchId && m.Source == MatchSource.Coordination
                join r in db.Listings on m.ListingId equals r.Id
                let o = db.Listings.FirstOrDefault(x => x.Id == m.OfferListingId)
                select new
                {
                    Request = new { r.Title, Category = r.Category!.Names, District = r.District!.Name, r.AvailableFrom, r.AvailableUntil },
                    RequesterName = db.IntakeContacts.Any(i => i.ListingId == r.Id && i.ClaimedAt == null) ? null
                        : r.Organisation != null ? r.Organisation.Name : r.Poster!.UserName,
                    Offer = o == null ? null : new { o.Title, Category = o.Category!.Names, District = o.District!.Name, o.AvailableFrom, o.AvailableUntil },
                    HelperName = o != null
                        ? (o.Organisation != null ? o.Organisation.Name : o.Poster!.UserName)
                        : db.Users.Where(u => u.Id == m.VolunteerUserId).Select(u => u.UserName).FirstOrDefault(),
                })
            .SingleOrDefaultAsync();
        return row is null ? null : new MatchParticulars(
            new Part(row.Request.Title, row.Request.Category, row.Request.District, row.Request.AvailableFrom, row.Request.AvailableUntil),
            row.Offer is { } offer ? new Part(offer.Title, offer.Category, offer.District, offer.AvailableFrom, offer.AvailableUntil) : null,
            row.RequesterName, row.HelperName ?? "");
    }

    /// <summary>The request and the help proposed for it, in the current culture, from the point of view of one side.</summary>
    public IReadOnlyList<string> Lines(IStringLocalizer l, bool requestSide)
    {
        var lines = new List<string>(2);
        if (requestSide)
        {
            lines.Add(l["MatchProposal_YourRequest", Request.Title, Facts(l, Request)]);
        }
        else
        {
            lines.Add(RequesterName is null
                ? l["MatchProposal_RequestViaOffice", Request.Title, Facts(l, Request)]
                : l["MatchProposal_RequestBy", RequesterName, Request.Title, Facts(l, Request)]);
        }

        if (Offer is { } offer)
        {
            lines.Add(requestSide
                ? l["MatchProposal_OfferBy", HelperName, offer.Title, Facts(l, offer)]
                : l["MatchProposal_YourOffer", offer.Title, Facts(l, offer)]);
        }
        else if (requestSide)
        {
            lines.Add(l["MatchProposal_Volunteer", HelperName]);
        }

        return lines;
    }

    private static string Facts(IStringLocalizer l, Part part)
    {
        var culture = CultureInfo.CurrentUICulture;
        var window = (part.From, part.Until) switch
        {
            ({ } from, { } until) => l["MatchProposal_Window", from.ToString("d", culture), until.ToString("d", culture)],
            ({ } from, null) => l["MatchProposal_WindowFrom", from.ToString("d", culture)],
            (null, { } until) => l["MatchProposal_WindowUntil", until.ToString("d", culture)],
            _ => l["MatchProposal_WindowOpen"],
        };
        return l["MatchProposal_Facts", part.Category.In(culture.TwoLetterISOLanguageName), part.District, window];
    }
}
