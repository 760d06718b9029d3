using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Mail;
using Marketplace.Web.Matching;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Privacy;

/// <summary>
/// Removes a deleted account's person from the town of its scope, in one transaction, so a retried job finds either
/// everything or nothing done:
/// open proposals and matches are withdrawn and the other side is told; the person's own listings are closed and lose text,
/// meeting point and photos (an organisation's listings are closed and stay the organisation's); the volunteer profile,
/// clearances, memberships, settings, inquiries, invitations and every mail to the address go. What the other side or the
/// law needs stays under the pseudonym: messages (for <see cref="Tenant.DeletedAccountMessageMonths"/>), hours and their
/// approvals, audit entries (the name taken out of their details), reports, reimbursement claims (without IBAN).
/// </summary>
public sealed class TownAnonymiser(AppDbContext db, PrivacyMailer mailer, ListingAnonymiser listings, Gaps.SupplyFactRecorder facts, TimeProvider clock)
{
    public async Task AnonymiseAsync(FormerPerson person)
    {
        var userId = person.UserId;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();

        await WithdrawOpenMatchesAsync(person, now);
        await ForgetFeedbackCommentsAsync(userId);

        await facts.AddClosingForAsync(db.Listings.Where(l => l.PosterUserId == userId), SupplyEvent.Withdrawn);
        await db.SaveChangesAsync();
        await db.Listings.Where(l => l.PosterUserId == userId && (l.Status == ListingStatus.Draft || l.Status == ListingStatus.Published || l.Status == ListingStatus.Paused))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, ListingStatus.Closed).SetProperty(l => l.UpdatedAt, now));
        await listings.AnonymiseAsync(db.Listings.Where(l => l.PosterUserId == userId && l.OrganisationId == null));

        await db.Conversations.Where(c => c.OwnerUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerSharesEmail, false).SetProperty(c => c.OwnerSharesPhone, false));
        await db.Conversations.Where(c => c.RespondentUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RespondentSharesEmail, false).SetProperty(c => c.RespondentSharesPhone, false));

        await db.VolunteerProfiles.Where(v => v.UserId == userId).ExecuteDeleteAsync();
        await db.PoliceClearances.Where(c => c.VolunteerUserId == userId).ExecuteDeleteAsync();
        await db.OrganisationMembers.Where(m => m.UserId == userId).ExecuteDeleteAsync();
        await db.NotificationSettings.Where(n => n.UserId == userId).ExecuteDeleteAsync();
        await db.DigestSubscriptions.Where(s => s.UserId == userId).ExecuteDeleteAsync();
        await db.OfficeInquiries.Where(i => i.UserId == userId).ExecuteDeleteAsync();
        await db.IntakeContacts.Where(i => i.ClaimedByUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Name, person.Pseudonym).SetProperty(i => i.Contact, (string?)null));
        if (person.Email is { } email)
        {
            var normalized = email.ToUpperInvariant();
            var lower = email.ToLowerInvariant();
            await db.OrganisationInvitations.Where(i => i.NormalizedEmail == normalized).ExecuteDeleteAsync();
            await db.Appointments.Where(a => a.NormalizedEmail == normalized).ExecuteDeleteAsync();
            await db.OutboxMails.Where(m => m.Recipient.ToLower() == lower).ExecuteDeleteAsync();
        }

        // The office wrote the person's name into the details of what it did with their profile and clearance.
        if (person.UserName != person.Pseudonym)
        {
            await db.AuditEntries.Where(a => a.SubjectId == userId && a.Detail != null && a.Detail.Contains(person.UserName))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Detail, a => a.Detail!.Replace(person.UserName, person.Pseudonym)));
        }

        // Reimbursement claims stay for the budget's books (amounts, dates, purposes); who was paid and where does not.
        await db.Expenses.Where(e => e.SubmittedByUserId == userId && e.Kind == ExpenseKind.Reimbursement)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Payee, person.Pseudonym).SetProperty(e => e.PayeeIban, (string?)null));

        await db.Memberships.Where(m => m.UserId == userId).ExecuteDeleteAsync();
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>
    /// Proposals and accepted matches the person is a side of end with <see cref="MatchEndReason.AccountDeleted"/>. A request
    /// whose helper left goes back to the office's queue; an offer whose seeker left gets its place back. The other side
    /// is mailed, without the person's name.
    /// </summary>
    private async Task WithdrawOpenMatchesAsync(FormerPerson person, DateTimeOffset now)
    {
        var userId = person.UserId;
        var open = await MatchSides.Query(db)
            .Where(s => (s.Status == MatchStatus.Proposed || s.Status == MatchStatus.Accepted) && (s.RequestUserId == userId || s.OfferUserId == userId))
            .ToListAsync();
        foreach (var side in open)
        {
            var leftRequest = side.IsRequestSide(userId);
            var withdrawn = await db.Matches.Where(m => m.Id == side.MatchId && (m.Status == MatchStatus.Proposed || m.Status == MatchStatus.Accepted))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MatchStatus.Declined).SetProperty(m => m.EndReason, MatchEndReason.AccountDeleted)
                    .SetProperty(m => m.DecidedAt, now));
            if (withdrawn == 0)
            {
                continue;
            }

            if (leftRequest)
            {
                if (side.Status == MatchStatus.Accepted && side.OfferId is { } offerId)
                {
                    await db.Listings.Where(l => l.Id == offerId && l.Quantity != null).ExecuteUpdateAsync(s => s.SetProperty(l => l.Quantity, l => l.Quantity + 1));
                }
            }
            else
            {
                await db.Listings.Where(l => l.Id == side.RequestId && (l.OfficeStatus == OfficeStatus.Proposed || l.OfficeStatus == OfficeStatus.Matched))
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.OfficeStatus, OfficeStatus.InProgress));
                if (side.Status == MatchStatus.Proposed)
                {
                    // The request waits for nobody now: the gap view counts it as waiting again.
                    await facts.WriteAsync(side.RequestId, SupplyEvent.ProposalEnded, _ => false);
                }
            }

            var other = leftRequest ? side.OfferUserId : side.RequestUserId;
            if (other is not null && other != userId && await MailRecipient.FindAsync(db, other) is { } recipient)
            {
                await mailer.QueueMatchWithdrawnAsync(side.MatchId, recipient, side.RequestTitle, toRequestSide: !leftRequest);
            }
        }
    }

    /// <summary>What the person wrote as feedback goes; whether it happened and the rating stay for the office's figures.</summary>
    private async Task ForgetFeedbackCommentsAsync(string userId)
    {
        var sides = await MatchSides.Query(db).Where(s => s.RequestUserId == userId || s.OfferUserId == userId)
            .Select(s => new { s.MatchId, s.RequestUserId }).ToListAsync();
        var requestSide = sides.Where(s => s.RequestUserId == userId).Select(s => s.MatchId).ToList();
        var offerSide = sides.Where(s => s.RequestUserId != userId).Select(s => s.MatchId).ToList();
        foreach (var match in await db.Matches.Where(m => requestSide.Contains(m.Id) || offerSide.Contains(m.Id)).ToListAsync())
        {
            var feedback = requestSide.Contains(match.Id) ? match.RequestFeedback : match.OfferFeedback;
            feedback.Comment = null;
        }
    }
}
