using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Courses;

/// <summary>What the public verification page shows: initials only, never the name.</summary>
public sealed record VerifiedCertificate(string Initials, string CourseTitle, string? ProviderName, DateOnly CompletedOn);

/// <summary>A course the member completed, for their proof of engagement.</summary>
public sealed record CompletedCourse(int EnrolmentId, string CourseTitle, string? ProviderName, DateOnly StartsOn, DateOnly EndsOn, int TeachingUnits);

/// <summary>Certificates: who may download one (the holder and the course's managers), their facts, and the public check of a code.</summary>
public sealed class CourseCertificates(AppDbContext db, CurrentMember member, CourseAccess access, AttendanceRecords attendance, TenantLinks links,
    ITenantContext tenant, TownClock townClock)
{
    public const string VerifyPath = "/verify/";

    /// <summary>The certificate of a completed enrolment for the holder or a manager of its course; null (a 404) for anyone else or anything else.</summary>
    public async Task<CertificateFacts?> ForReaderAsync(int enrolmentId, CancellationToken ct = default)
    {
        var row = await db.Enrolments.AsNoTracking()
            .Where(e => e.Id == enrolmentId && e.Status == EnrolmentStatus.Completed && e.CertificateCode != null)
            .Select(e => new
            {
                e.RunId,
                e.CertificateCode,
                e.CompletedAt,
                e.Participant!.UserId,
                Name = e.Participant.UserId != null ? e.Participant.User!.UserName! : e.Participant.Name ?? "",
                Culture = e.Participant.UserId != null ? e.Participant.User!.PreferredCulture ?? e.Participant.Culture : e.Participant.Culture,
                e.Run!.StartsOn,
                e.Run.EndsOn,
                e.Run.Course!.Title,
                Provider = (string?)e.Run.Course.Provider!.Name,
            })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var isHolder = row.UserId is not null && row.UserId == member.UserId;
        if (!isHolder && await access.ForRunAsync(row.RunId, ct) != CourseAccessLevel.Manager)
        {
            return null;
        }

        var rate = (await attendance.RatesAsync(row.RunId, ct)).Single(r => r.Person.EnrolmentId == enrolmentId);
        var town = tenant.Tenant!;
        return new CertificateFacts(row.Name, Localization.Cultures.IsSupported(row.Culture) ? row.Culture : town.DefaultCulture, row.Title, row.Provider,
            town.Name, row.StartsOn, row.EndsOn, rate.PlannedUnits, rate.AttendedUnits, townClock.DateOf(row.CompletedAt!.Value), row.CertificateCode!,
            links.TownUrl(town.Slug, VerifyPath + row.CertificateCode));
    }

    /// <summary>A code of this town's certificates; another town's code is not found (the town filter), nor a malformed one.</summary>
    public async Task<VerifiedCertificate?> VerifyAsync(string code, CancellationToken ct = default)
    {
        var normalized = code.Trim().ToUpperInvariant();
        if (normalized.Length != Enrolment.CertificateCodeLength)
        {
            return null;
        }

        var row = await db.Enrolments.AsNoTracking()
            .Where(e => e.CertificateCode == normalized && e.Status == EnrolmentStatus.Completed)
            .Select(e => new
            {
                Name = e.Participant!.UserId != null ? e.Participant.User!.UserName! : e.Participant.Name ?? "",
                e.Run!.Course!.Title,
                Provider = (string?)e.Run.Course.Provider!.Name,
                e.CompletedAt,
            })
            .SingleOrDefaultAsync(ct);
        return row is null ? null : new VerifiedCertificate(Initials(row.Name), row.Title, row.Provider, townClock.DateOf(row.CompletedAt!.Value));
    }

    /// <summary>The member's completed courses, newest first.</summary>
    public Task<List<CompletedCourse>> CompletedByAsync(string userId, CancellationToken ct = default) =>
        db.Enrolments.AsNoTracking()
            .Where(e => e.Participant!.UserId == userId && e.Status == EnrolmentStatus.Completed)
            .OrderByDescending(e => e.Run!.EndsOn).ThenByDescending(e => e.Id)
            .Select(e => new CompletedCourse(e.Id, e.Run!.Course!.Title, e.Run.Course.Provider!.Name, e.Run.StartsOn, e.Run.EndsOn, e.Run.Course.TeachingUnits))
            .ToListAsync(ct);

    /// <summary>"Amira Haddad" is "A. H.": the first letter of each word (of any script), at most three.</summary>
    public static string Initials(string name)
    {
        var parts = name.Split([' ', '\t', '-', '_', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.FirstOrDefault(char.IsLetter)).Where(c => c != default).Take(3).ToList();
        return parts.Count == 0 ? "?" : string.Join(" ", parts.Select(c => char.ToUpperInvariant(c) + "."));
    }
}
