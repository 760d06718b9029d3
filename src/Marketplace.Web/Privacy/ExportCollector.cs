using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Matching;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Privacy;

/// <summary>
/// Gathers one account's data in the town of its scope (the tenant filter keeps every other town out), for the archive.
/// Runs in a job, once per town the platform has.
/// </summary>
public sealed class ExportCollector(AppDbContext db, ITenantContext tenant)
{
    /// <param name="culture">The archive's language, for the names of categories.</param>
    public async Task<(TownData Data, IReadOnlyList<ArchiveFile> Photos)> CollectAsync(string userId, string culture, CancellationToken cancellationToken = default)
    {
        var town = tenant.Tenant!;
        var photos = new List<ArchiveFile>();
        var categories = (await db.Categories.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.NameIn(culture));
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        var membership = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new MembershipData(m.Role, m.JoinedAt, m.BlockedAt, m.BlockedReason)).SingleOrDefaultAsync(cancellationToken);

        var listings = new List<ListingData>();
        foreach (var l in await db.Listings.AsNoTracking().Where(l => l.PosterUserId == userId).OrderBy(l => l.Id).ToListAsync(cancellationToken))
        {
            var paths = new List<string>();
            foreach (var photo in await db.ListingPhotos.AsNoTracking().Where(p => p.ListingId == l.Id).OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
                         .Select(p => new { p.Id, p.ContentType, p.Data }).ToListAsync(cancellationToken))
            {
                var path = $"photos/{town.Slug}/listing-{l.Id}-{photo.Id}{Extension(photo.ContentType)}";
                photos.Add(new ArchiveFile(path, photo.Data));
                paths.Add(path);
            }

            listings.Add(new ListingData(l.Id, l.Type, l.Status, categories.GetValueOrDefault(l.CategoryId, ""), districts.GetValueOrDefault(l.DistrictId, ""),
                l.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : null, l.Title, l.Description, l.MeetingPoint, l.Languages.Trim(','),
                l.Quantity, l.AvailableFrom, l.AvailableUntil, l.Rooms, l.AreaSquareMetres, l.WarmRentCents, l.WorkKind, l.HoursPerWeek, l.CreatedAt,
                l.PublishedAt, l.ExpiresAt, paths));
        }

        var conversations = new List<ConversationData>();
        foreach (var c in await db.Conversations.AsNoTracking().Where(c => c.OwnerUserId == userId || c.RespondentUserId == userId).OrderBy(c => c.Id)
                     .Select(c => new
                     {
                         c.Id, ListingTitle = c.Listing!.Title, Mine = c.OwnerUserId == userId,
                         Other = c.OwnerUserId == userId ? c.Respondent!.UserName! : c.Owner!.UserName!, c.CreatedAt,
                         SharedEmail = c.OwnerUserId == userId ? c.OwnerSharesEmail : c.RespondentSharesEmail,
                         SharedPhone = c.OwnerUserId == userId ? c.OwnerSharesPhone : c.RespondentSharesPhone,
                     }).ToListAsync(cancellationToken))
        {
            // The other side's messages that moderation hid were never shown to this account, so they are not its data to receive.
            var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == c.Id && (m.SenderUserId == userId || !m.IsHidden))
                .OrderBy(m => m.SentAt).ThenBy(m => m.Id)
                .Select(m => new MessageData(m.SenderUserId == userId, m.Sender!.UserName!, m.SentAt, m.Body, m.IsHidden)).ToListAsync(cancellationToken);
            conversations.Add(new ConversationData(c.Id, c.ListingTitle, c.Mine, c.Other, c.CreatedAt, c.SharedEmail, c.SharedPhone, messages));
        }

        var matches = (await MatchesAsync(userId, cancellationToken)).ToList();
        var hours = (await db.VolunteerHours.AsNoTracking().Where(h => h.UserId == userId).OrderBy(h => h.WorkedOn).ThenBy(h => h.Id).ToListAsync(cancellationToken))
            .Select(h => new HoursData(h.WorkedOn, VolunteerHours.ToHours(h.Minutes), h.Activity, h.Status,
                h.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : null, h.CreatedAt, h.DecidedAt)).ToList();
        var reimbursements = await db.Expenses.AsNoTracking()
            .Where(e => e.SubmittedByUserId == userId && e.Kind == ExpenseKind.Reimbursement)
            .OrderBy(e => e.SubmittedAt).ThenBy(e => e.Id)
            .Select(e => new ReimbursementData(e.SpentOn, e.ReimbursementType, e.Purpose, e.Kilometres, e.AmountCents, e.Status,
                e.DecisionReason, e.ProjectBudget!.Organisation!.Name, e.ProjectBudget.Title, e.Payee, e.PayeeIban, e.SubmittedAt, e.PaidOn))
            .ToListAsync(cancellationToken);
        var volunteer = (await db.VolunteerProfiles.AsNoTracking().Where(v => v.UserId == userId).ToListAsync(cancellationToken))
            .Select(v => new VolunteerData(v.IsAvailable, v.SkillCategoryIds.Select(id => categories.GetValueOrDefault(id, "")).ToList(), v.Languages,
                v.DistrictIds.Select(id => districts.GetValueOrDefault(id, "")).ToList(), v.Mobility, v.HoursPerMonth,
                WeeklyAvailability.Count(v.Availability), v.Note, v.CreatedAt, v.UpdatedAt)).SingleOrDefault();
        var clearances = await db.PoliceClearances.AsNoTracking().Where(p => p.VolunteerUserId == userId).OrderBy(p => p.IssuedOn)
            .Select(p => new ClearanceData(p.IssuedOn, p.InspectedOn)).ToListAsync(cancellationToken);
        var memberOf = await db.OrganisationMembers.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.Organisation!.Name)
            .Select(m => new OrganisationData(m.Organisation!.Name, m.Role, m.Organisation.Status, m.JoinedAt)).ToListAsync(cancellationToken);
        var notifications = await db.NotificationSettings.AsNoTracking().Where(n => n.UserId == userId)
            .Select(n => new NotificationData(n.MessageMails, n.ListingReminders)).SingleOrDefaultAsync(cancellationToken);
        var digests = (await db.DigestSubscriptions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(cancellationToken))
            .Select(s => new DigestData(null, s.Frequency, s.Weekday, s.CategoryIds.Select(id => categories.GetValueOrDefault(id, "")).ToList(),
                s.DistrictIds.Select(id => districts.GetValueOrDefault(id, "")).ToList(), s.IncludeOffers, s.IncludeRequests, s.OnlyUnanswered)).ToList();
        var inquiries = await db.OfficeInquiries.AsNoTracking().Where(i => i.UserId == userId).OrderBy(i => i.Id)
            .Select(i => new InquiryData(db.Listings.Where(l => l.Id == i.ListingId).Select(l => l.Title).FirstOrDefault() ?? "", i.Message, i.CreatedAt,
                i.HandledAt)).ToListAsync(cancellationToken);
        var reports = await db.Reports.AsNoTracking().Where(r => r.ReporterUserId == userId).OrderBy(r => r.Id)
            .Select(r => new ReportData(r.TargetType, r.Reason, r.Comment, r.Status, r.CreatedAt)).ToListAsync(cancellationToken);
        var intake = await db.IntakeContacts.AsNoTracking().Where(i => i.ClaimedByUserId == userId).OrderBy(i => i.Id)
            .Select(i => new IntakeData(i.Name, i.Contact, i.CreatedAt, i.ClaimedAt)).ToListAsync(cancellationToken);

        // The office's entries about this person, their listings and their hours.
        var listingIds = listings.Select(l => l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var hoursIds = await db.VolunteerHours.Where(h => h.UserId == userId).Select(h => h.Id.ToString()).ToListAsync(cancellationToken);
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => a.SubjectId == userId || (a.SubjectType == "listing" && listingIds.Contains(a.SubjectId)) || (a.SubjectType == "hours" && hoursIds.Contains(a.SubjectId)))
            .OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => new AuditData(a.At, a.Action, a.SubjectType)).ToListAsync(cancellationToken);

        var data = new TownData(town.Name, town.Slug, town.TimeZoneId, membership)
        {
            Listings = listings, Conversations = conversations, Matches = matches, Hours = hours, Reimbursements = reimbursements, Volunteer = volunteer, Clearances = clearances,
            Organisations = memberOf, Notifications = notifications, Digests = digests, Inquiries = inquiries, Reports = reports, Intake = intake,
            AuditEntries = audit,
        };
        return (data, photos);
    }

    /// <summary>The office's matches the account is a side of, and the marketplace's where a poster named it or it was the poster.</summary>
    private async Task<IEnumerable<MatchData>> MatchesAsync(string userId, CancellationToken cancellationToken)
    {
        var sides = await MatchSides.Query(db).Where(s => s.RequestUserId == userId || s.OfferUserId == userId).ToListAsync(cancellationToken);
        var ids = sides.Select(s => s.MatchId).ToList();
        var marketplace = await db.Matches.AsNoTracking().Where(m => m.Source == MatchSource.Marketplace
                && (m.CounterpartUserId == userId || db.Listings.Any(l => l.Id == m.ListingId && l.PosterUserId == userId)))
            .Select(m => new { m.Id, Title = db.Listings.Where(l => l.Id == m.ListingId).Select(l => l.Title).First(), Poster = m.CounterpartUserId != userId })
            .ToListAsync(cancellationToken);
        ids.AddRange(marketplace.Select(x => x.Id));
        var all = await db.Matches.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);

        return sides.Select(s =>
            {
                var m = all[s.MatchId];
                var feedback = s.IsRequestSide(userId) ? m.RequestFeedback : m.OfferFeedback;
                return new MatchData(m.Id, s.IsRequestSide(userId) ? "request" : "offer", s.RequestTitle, m.Status, m.CreatedAt, m.DecidedAt, m.EndsOn,
                    feedback.Happened, feedback.Rating, feedback.Comment);
            })
            .Concat(marketplace.Select(x =>
            {
                var m = all[x.Id];
                return new MatchData(m.Id, x.Poster ? "poster" : "counterpart", x.Title, m.Status, m.CreatedAt, m.DecidedAt, m.EndsOn, null, null, null);
            }))
            .OrderBy(m => m.CreatedAt);
    }

    private static string Extension(string contentType) => contentType switch
    {
        "image/webp" => ".webp",
        "image/png" => ".png",
        _ => ".jpg",
    };
}
