using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Courses;

/// <summary>
/// The seat and waiting-list mails, queued into the outbox inside the seat change's transaction (so they leave after its
/// commit, once), in the participant's language. A member is mailed at their confirmed account address; a person
/// without account only when the office noted an e-mail address as their contact.
/// </summary>
public sealed class CourseSeatMailer(AppDbContext db, TownMail mail, SignedLinks signed, OneClickTokens tokens, TenantLinks links,
    ITenantContext tenant, IStringLocalizer<SharedResource> resources)
{
    public const string OfferPurpose = "seat-offer";
    public const string OfferPath = "/courses/offers";
    public const string LeavePurpose = "waiting-leave";
    public const string LeavePath = "/courses/leave";
    public const string CancelPurpose = "seat-cancel";
    public const string CancelPath = "/courses/cancel";

    /// <summary>A leave link works as long as anyone stays on a list; a year is longer than any course's queue.</summary>
    private static readonly TimeSpan LeaveLinkLifetime = TimeSpan.FromDays(365);

    private readonly IsolatingLocalizer _l = new(resources);

    public async Task QueueEnrolledAsync(int enrolmentId)
    {
        var facts = await db.Enrolments.AsNoTracking().Where(e => e.Id == enrolmentId)
            .Select(e => new { e.RunId, e.ParticipantId }).SingleAsync();
        var run = await RunAsync(facts.RunId);
        if (await RecipientAsync(facts.ParticipantId) is not { } to)
        {
            return;
        }

        var town = tenant.Tenant!;
        // Giving the seat back works from the mail without logging in; CourseSeats still holds the leave deadline.
        var cancel = tokens.Issue(CancelPurpose, enrolmentId);
        cancel.ExpiresAt = cancel.CreatedAt + LeaveLinkLifetime;
        await mail.QueueAsync(to.Email, to.Culture, "course-enrolled", $"course-enrolled:{enrolmentId}", () =>
            new MailContent(_l["Seats_MailEnrolledSubject", run.Title], _l["Digest_Greeting", to.Name],
                [_l["Seats_MailEnrolled", run.Title, run.Dates(), run.Place(_l)], _l["Seats_MailLeaveRule"]])
            {
                Action = new MailLink(_l["Seats_MailOpenRun"], links.TownUrl(town.Slug, run.Url)),
                MoreActions = [new MailLink(_l["Seats_MailCancelSeat"], signed.OneClickUrl(town, CancelPath, cancel, "cancel"))],
            });
    }

    /// <summary>On the list, with the position and a one-click link to leave it without logging in.</summary>
    public async Task QueueWaitingAsync(int entryId, int position)
    {
        var entry = await db.WaitingListEntries.AsNoTracking().Where(e => e.Id == entryId)
            .Select(e => new { e.CourseId, e.RunId, e.ParticipantId }).SingleAsync();
        if (await RecipientAsync(entry.ParticipantId) is not { } to)
        {
            return;
        }

        var run = entry.RunId is { } runId ? await RunAsync(runId) : null;
        var title = await db.Courses.Where(c => c.Id == entry.CourseId).Select(c => c.Title).SingleAsync();
        var token = tokens.Issue(LeavePurpose, entryId);
        token.ExpiresAt = token.CreatedAt + LeaveLinkLifetime;
        var town = tenant.Tenant!;
        await mail.QueueAsync(to.Email, to.Culture, "course-waiting", $"course-waiting:{entryId}", () =>
            new MailContent(_l["Seats_MailWaitingSubject", title], _l["Digest_Greeting", to.Name],
                [
                    run is null ? _l["Seats_MailWaitingAnyRun", title] : _l["Seats_MailWaitingRun", title, run.Dates(), run.Place(_l)],
                    _l["Seats_MailWaitingPosition", position.ToString(CultureInfo.CurrentCulture)],
                    _l["Seats_MailWaitingOffer"],
                ])
            {
                Action = new MailLink(_l["Seats_MailLeave"], signed.OneClickUrl(town, LeavePath, token, "leave")),
            });
    }

    /// <summary>A held seat, with accept and decline links (one single-use token, valid as long as the offer) and the deadline in the town's time.</summary>
    public async Task QueueOfferAsync(int offerId)
    {
        var offer = await db.SeatOffers.AsNoTracking().Where(o => o.Id == offerId)
            .Select(o => new { o.RunId, o.ExpiresAt, o.Entry!.ParticipantId }).SingleAsync();
        if (await RecipientAsync(offer.ParticipantId) is not { } to)
        {
            return;
        }

        var run = await RunAsync(offer.RunId);
        var token = tokens.Issue(OfferPurpose, offerId);
        token.ExpiresAt = offer.ExpiresAt;
        var town = tenant.Tenant!;
        var deadline = TownClock.Local(TownClock.ZoneOf(town.TimeZoneId), offer.ExpiresAt);
        await mail.QueueAsync(to.Email, to.Culture, "course-seat-offer", $"course-seat-offer:{offerId}", () =>
            new MailContent(_l["Seats_MailOfferSubject", run.Title], _l["Digest_Greeting", to.Name],
                [
                    _l["Seats_MailOffer", run.Title, run.Dates(), run.Place(_l)],
                    _l["Seats_MailOfferDeadline", deadline.ToString("g", CultureInfo.CurrentCulture), town.Name],
                ])
            {
                Action = new MailLink(_l["Seats_Accept"], signed.OneClickUrl(town, OfferPath, token, "accept")),
                MoreActions = [new MailLink(_l["Seats_Decline"], signed.OneClickUrl(town, OfferPath, token, "decline"))],
                AfterAction = [_l["Seats_MailOfferPassOn"]],
            });
    }

    public async Task QueueRunCancelledAsync(int runId, int participantId)
    {
        if (await RecipientAsync(participantId) is not { } to)
        {
            return;
        }

        var run = await RunAsync(runId);
        var town = tenant.Tenant!;
        await mail.QueueAsync(to.Email, to.Culture, "course-run-cancelled", $"course-run-cancelled:{runId}:{participantId}", () =>
            new MailContent(_l["Seats_MailCancelledSubject", run.Title], _l["Digest_Greeting", to.Name],
                [_l["Seats_MailCancelled", run.Title, run.Dates(), run.Place(_l)], _l["Seats_MailCancelledReason", run.CancelReason ?? ""]])
            {
                Action = new MailLink(_l["Seats_MailOtherRuns"], links.TownUrl(town.Slug, $"/courses/{run.CourseId}")),
            });
    }

    private Task<MailRun> RunAsync(int runId) =>
        db.CourseRuns.AsNoTracking().Where(r => r.Id == runId)
            .Select(r => new MailRun(r.Id, r.CourseId, r.Course!.Title, r.StartsOn, r.EndsOn, r.IsOnline, r.District!.Name, r.CancelReason))
            .SingleAsync();

    /// <summary>Where and how to reach the participant, or null when they cannot be mailed.</summary>
    private async Task<SeatMailRecipient?> RecipientAsync(int participantId)
    {
        var participant = await db.CourseParticipants.AsNoTracking().Where(p => p.Id == participantId)
            .Select(p => new { p.UserId, p.Name, p.Contact, p.Culture }).SingleAsync();
        var culture = Cultures.IsSupported(participant.Culture) ? participant.Culture : tenant.Tenant!.DefaultCulture;
        if (participant.UserId is { } userId)
        {
            return await MailRecipient.FindAsync(db, userId) is { } member ? new SeatMailRecipient(member.Email, member.UserName, culture) : null;
        }

        return IsEmail(participant.Contact) ? new SeatMailRecipient(participant.Contact!.Trim(), participant.Name ?? "", culture) : null;
    }

    /// <summary>A contact the office noted may be a phone number; only a plain address is mailed.</summary>
    public static bool IsEmail(string? contact) =>
        contact is not null && MimeKit.MailboxAddress.TryParse(contact.Trim(), out var address) && string.IsNullOrEmpty(address.Name)
        && address.Address.Contains('@') && !address.Address.Any(char.IsWhiteSpace);

    private sealed record SeatMailRecipient(string Email, string Name, string Culture);

    private sealed record MailRun(int Id, int CourseId, string Title, DateOnly StartsOn, DateOnly EndsOn, bool IsOnline, string? District, string? CancelReason)
    {
        public string Url => $"/courses/{CourseId}/runs/{Id}";

        public string Dates() =>
            $"{StartsOn.ToString("d", CultureInfo.CurrentCulture)} – {EndsOn.ToString("d", CultureInfo.CurrentCulture)}";

        public string Place(IStringLocalizer l) => IsOnline || District is null ? l["Seats_Online"] : District;
    }
}
