using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Gaps;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Listings;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Matching;

public enum ProposeOutcome
{
    Proposed,
    RequestNotOpen,

    /// <summary>The helper does not meet a rule of the suggestions; <see cref="ProposeResult.Reason"/> says which.</summary>
    CandidateUnavailable,
}

public sealed record ProposeResult(ProposeOutcome Outcome, int MatchId = 0, Ineligibility Reason = Ineligibility.None);

public enum AnswerOutcome
{
    Waiting,
    Accepted,
    Declined,
    NoPlaceLeft,
    NotOpen,

    /// <summary>The helper no longer meets the rules (e.g. their clearance lapsed): the proposal went back to the office.</summary>
    NoLongerEligible,
}

/// <summary>
/// The life of a coordinator's proposal: both sides get a mail with signed accept/decline links (and see it in
/// "My matches"); two yeses make it a match and take a place; a no or seven days of silence send the request back to
/// the queue with the reason.
/// </summary>
public sealed class MatchProposals(AppDbContext db, MatchAcceptance acceptance, MatchEligibility eligibility, MatchMailer mailer, AuditLog audit,
    TownClock townClock, TimeProvider clock, SupplyFactRecorder facts)
{
    public const string AnswerPurpose = "match-answer";
    public const string AnswerPath = "/matches/answer";

    /// <summary>Proposes an offer or a volunteer (by profile id), only if <see cref="MatchEligibility"/> would suggest them.</summary>
    public async Task<ProposeResult> ProposeAsync(int requestId, CandidateKind kind, int candidateId, string coordinatorUserId)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var request = await db.Listings.SingleOrDefaultAsync(l => l.Id == requestId && l.Type == ListingType.Request
            && l.Status == ListingStatus.Published && l.OfficeStatus != OfficeStatus.Matched);
        if (request is null)
        {
            return new ProposeResult(ProposeOutcome.RequestNotOpen);
        }

        var (reason, helper) = await eligibility.ForProposalAsync((await MatchRequestFacts.LoadAsync(db, requestId))!, kind, candidateId);
        if (reason != Ineligibility.None)
        {
            return new ProposeResult(ProposeOutcome.CandidateUnavailable, Reason: reason);
        }

        var match = new Match
        {
            ListingId = request.Id, Source = MatchSource.Coordination, Status = MatchStatus.Proposed, CreatedAt = now,
            ProposedByUserId = coordinatorUserId, AnswerDueAt = now + Match.AnswerWindow,
            OfferListingId = kind == CandidateKind.Offer ? helper!.Id : null,
            VolunteerUserId = kind == CandidateKind.Volunteer ? helper!.UserId : null,
        };
        db.Matches.Add(match);
        request.OfficeStatus = OfficeStatus.Proposed;
        request.AssignedToUserId ??= coordinatorUserId;
        await db.SaveChangesAsync();
        await facts.WriteAsync(request.Id, SupplyEvent.Proposed, _ => false);
        if (match.OfferListingId is { } offerId)
        {
            await facts.WriteAsync(offerId, SupplyEvent.Proposed, _ => false);
        }

        audit.Record(AuditAction.ProposedMatch, "listing", request.Id, $"match {match.Id}: {kind} {candidateId}", coordinatorUserId);
        var sides = (await MatchSides.LoadAsync(db, match.Id))!;
        if (sides.RequestUserId is { } requester)
        {
            await mailer.QueueProposedAsync(sides, requester, requestSide: true);
        }

        await mailer.QueueProposedAsync(sides, sides.OfferUserId, requestSide: false);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new ProposeResult(ProposeOutcome.Proposed, match.Id);
    }

    /// <summary>One side's answer; <paramref name="actorUserId"/> is who gave it (the side, or a coordinator for someone without an account).</summary>
    public async Task<AnswerOutcome> AnswerAsync(int matchId, bool requestSide, bool accept, bool shareContact, string? actorUserId = null)
    {
        var outer = db.Database.CurrentTransaction;
        await using var owned = outer is null ? await db.Database.BeginTransactionAsync() : null;
        AnswerOutcome outcome;
        if (accept)
        {
            outcome = await acceptance.AcceptAsync(matchId, requestSide, shareContact) switch
            {
                AcceptOutcome.Waiting => AnswerOutcome.Waiting,
                AcceptOutcome.Accepted => AnswerOutcome.Accepted,
                AcceptOutcome.NoPlaceLeft => AnswerOutcome.NoPlaceLeft,
                AcceptOutcome.NoLongerEligible => AnswerOutcome.NoLongerEligible,
                _ => AnswerOutcome.NotOpen,
            };
        }
        else
        {
            outcome = await DeclineAsync(matchId, requestSide) ? AnswerOutcome.Declined : AnswerOutcome.NotOpen;
        }

        if (outcome == AnswerOutcome.Accepted)
        {
            await MarkAcceptedAsync(matchId);
        }
        else if (outcome == AnswerOutcome.NoLongerEligible)
        {
            await mailer.QueueCannotGoAheadAsync((await MatchSides.LoadAsync(db, matchId))!);
            await db.SaveChangesAsync();
        }

        if (actorUserId is not null && outcome != AnswerOutcome.NotOpen)
        {
            audit.Record(AuditAction.RecordedAnswer, "match", matchId, $"{(requestSide ? "request" : "offer")}: {(accept ? "yes" : "no")}", actorUserId);
            await db.SaveChangesAsync();
        }

        if (owned is not null)
        {
            await owned.CommitAsync();
        }

        return outcome;
    }

    /// <summary>Proposals nobody answered within <see cref="Match.AnswerWindow"/> go back to the queue; returns how many.</summary>
    public async Task<int> ExpireUnansweredAsync()
    {
        var now = clock.GetUtcNow();
        var due = await db.Matches.Where(m => m.Status == MatchStatus.Proposed && m.AnswerDueAt <= now).Select(m => m.Id).ToListAsync();
        var expired = 0;
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (await db.Matches.Where(m => m.Id == id && m.Status == MatchStatus.Proposed).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, MatchStatus.Declined).SetProperty(m => m.EndReason, MatchEndReason.NoAnswer)
                    .SetProperty(m => m.DecidedAt, now)) == 1)
            {
                await acceptance.ReturnToQueueAsync(id);
                expired++;
            }

            await transaction.CommitAsync();
        }

        return expired;
    }

    private async Task<bool> DeclineAsync(int matchId, bool requestSide)
    {
        var now = clock.GetUtcNow();
        var open = db.Matches.Where(m => m.Id == matchId && m.Status == MatchStatus.Proposed);
        var declined = requestSide
            ? await open.ExecuteUpdateAsync(s => s.SetProperty(m => m.RequestAnswer, MatchAnswer.Declined).SetProperty(m => m.Status, MatchStatus.Declined)
                .SetProperty(m => m.EndReason, MatchEndReason.DeclinedByRequest).SetProperty(m => m.DecidedAt, now))
            : await open.ExecuteUpdateAsync(s => s.SetProperty(m => m.OfferAnswer, MatchAnswer.Declined).SetProperty(m => m.Status, MatchStatus.Declined)
                .SetProperty(m => m.EndReason, MatchEndReason.DeclinedByOffer).SetProperty(m => m.DecidedAt, now));
        if (declined == 1)
        {
            await acceptance.ReturnToQueueAsync(matchId);
        }

        return declined == 1;
    }

    /// <summary>Sets when feedback is due and tells both sides, with the other's contact where it was shared.</summary>
    private async Task MarkAcceptedAsync(int matchId)
    {
        var now = clock.GetUtcNow();
        var dates = await db.Matches.Where(m => m.Id == matchId).Select(m => new
        {
            Request = db.Listings.Where(r => r.Id == m.ListingId).Select(r => r.AvailableUntil).First(),
            Offer = db.Listings.Where(o => o.Id == m.OfferListingId).Select(o => o.AvailableUntil).FirstOrDefault(),
            RequestFrom = db.Listings.Where(r => r.Id == m.ListingId).Select(r => r.AvailableFrom).First(),
            OfferFrom = db.Listings.Where(o => o.Id == m.OfferListingId).Select(o => o.AvailableFrom).FirstOrDefault(),
        }).SingleAsync();
        var today = townClock.DateOf(now);
        var ends = new[] { dates.Request, dates.Offer }.Where(d => d is not null && d >= today).Min()
            ?? townClock.DateOf(now + Match.DefaultDuration);
        var starts = new[] { today, dates.RequestFrom ?? today, dates.OfferFrom ?? today }.Max();
        await db.Matches.Where(m => m.Id == matchId).ExecuteUpdateAsync(s => s.SetProperty(m => m.EndsOn, ends).SetProperty(m => m.StartsOn, starts));

        var sides = (await MatchSides.LoadAsync(db, matchId))!;
        var people = await db.Users.AsNoTracking().Where(u => u.Id == sides.RequestUserId || u.Id == sides.OfferUserId)
            .Select(u => new { u.Id, u.UserName, u.Email, u.EmailConfirmed, u.PreferredCulture }).ToListAsync();
        var requester = people.SingleOrDefault(p => p.Id == sides.RequestUserId);
        var helper = people.Single(p => p.Id == sides.OfferUserId);
        if (requester is not null)
        {
            await mailer.QueueAcceptedAsync(sides, "request", requester.Email, requester.EmailConfirmed, requester.UserName!, requester.PreferredCulture, helper.UserName!,
                sides.OfferSharesContact ? helper.Email : null);
        }

        await mailer.QueueAcceptedAsync(sides, "offer", helper.Email, helper.EmailConfirmed, helper.UserName!, helper.PreferredCulture,
            requester?.UserName, requester is not null && sides.RequestSharesContact ? requester.Email : null);
        await db.SaveChangesAsync();
    }
}
