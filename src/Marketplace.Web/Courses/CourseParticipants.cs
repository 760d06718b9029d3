using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Intake;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Courses;

/// <summary>
/// The one place that finds or records a person in the town's courses (enrolments, waiting lists, language-course
/// interest): a member by account, or a person without account by the reference code on their intake slip.
/// </summary>
public sealed class CourseParticipants(AppDbContext db, TimeProvider clock)
{
    /// <summary>The member's participant in this town, recorded on first use.</summary>
    public async Task<CourseParticipant> ForMemberAsync(string userId, string culture, CancellationToken ct = default)
    {
        var existing = await db.CourseParticipants.FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (existing is not null)
        {
            return existing;
        }

        var participant = new CourseParticipant { UserId = userId, Culture = culture, CreatedAt = clock.GetUtcNow(), CreatedByUserId = userId };
        db.CourseParticipants.Add(participant);
        try
        {
            await db.SaveChangesAsync(ct);
            return participant;
        }
        catch (DbUpdateException)
        {
            // A second tab recorded the same member at the same moment: the unique index kept one, use it.
            db.Entry(participant).State = EntityState.Detached;
            return await db.CourseParticipants.FirstAsync(p => p.UserId == userId, ct);
        }
    }

    /// <summary>
    /// The person behind a reference code the office typed: a participant recorded earlier, the member who claimed the
    /// intake slip, or a new participant made from the intake contact. Null when the code is unknown in this town.
    /// </summary>
    public async Task<CourseParticipant?> ForReferenceCodeAsync(string typedCode, string recordedByUserId, CancellationToken ct = default)
    {
        if (ReferenceCodes.Normalize(typedCode) is not { } code)
        {
            return null;
        }

        var known = await db.CourseParticipants.FirstOrDefaultAsync(p => p.ReferenceCode == code, ct);
        if (known is not null)
        {
            return known;
        }

        var intake = await db.IntakeContacts.Where(c => c.ReferenceCode == code)
            .Select(c => new { c.Name, c.Contact, c.Culture, c.ClaimedByUserId })
            .FirstOrDefaultAsync(ct);
        if (intake is null)
        {
            return null;
        }

        if (intake.ClaimedByUserId is { } userId)
        {
            return await ForMemberAsync(userId, intake.Culture, ct);
        }

        return await AddWithoutAccountAsync(intake.Name, intake.Contact, intake.Culture, code, recordedByUserId, ct);
    }

    /// <summary>A person without account whom the office records for a course; they get a new reference code for their slip.</summary>
    public Task<CourseParticipant> RecordWithoutAccountAsync(string name, string? contact, string culture, string recordedByUserId, CancellationToken ct = default) =>
        AddWithoutAccountAsync(name.Trim(), string.IsNullOrWhiteSpace(contact) ? null : contact.Trim(), culture, ReferenceCodes.New(), recordedByUserId, ct);

    private async Task<CourseParticipant> AddWithoutAccountAsync(string name, string? contact, string culture, string code, string recordedByUserId, CancellationToken ct)
    {
        var participant = new CourseParticipant
        {
            Name = name,
            Contact = contact,
            Culture = culture,
            ReferenceCode = code,
            CreatedAt = clock.GetUtcNow(),
            CreatedByUserId = recordedByUserId,
        };
        db.CourseParticipants.Add(participant);
        await db.SaveChangesAsync(ct);
        return participant;
    }
}
