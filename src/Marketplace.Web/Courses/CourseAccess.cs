using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Courses;

/// <summary>What the signed-in person may do with one course of the current town.</summary>
public enum CourseAccessLevel
{
    /// <summary>Anyone else: the course's management pages are a 404 for them.</summary>
    None,

    /// <summary>A member of the providing organisation: sees the run's people and takes the roll call.</summary>
    Teacher,

    /// <summary>An admin of the providing organisation, or the coordination office (any course of the town).</summary>
    Manager,
}

/// <summary>
/// The one rule for who manages a course: the office manages every course of its town and runs its own (no provider);
/// an approved organisation's admins manage its courses and its members take the roll call.
/// </summary>
public sealed class CourseAccess(AppDbContext db, CurrentMember member)
{
    /// <summary>Organisation types that offer courses: course providers (VHS, language schools), welfare providers, initiatives and clubs with volunteer-run courses, the municipality's own offices.</summary>
    public static bool CanOffer(OrganisationType type) => type is not (OrganisationType.Company or OrganisationType.SportsClub);

    public async Task<CourseAccessLevel> ForCourseAsync(int courseId, CancellationToken ct = default)
    {
        var course = await db.Courses.Where(c => c.Id == courseId).Select(c => new { c.ProviderOrganisationId }).SingleOrDefaultAsync(ct);
        return course is null ? CourseAccessLevel.None : await ForProviderAsync(course.ProviderOrganisationId, ct);
    }

    public async Task<CourseAccessLevel> ForRunAsync(int runId, CancellationToken ct = default)
    {
        var run = await db.CourseRuns.Where(r => r.Id == runId).Select(r => new { r.Course!.ProviderOrganisationId }).SingleOrDefaultAsync(ct);
        return run is null ? CourseAccessLevel.None : await ForProviderAsync(run.ProviderOrganisationId, ct);
    }

    /// <summary>Access to a course of this provider (null: the office's own), also for one not yet created.</summary>
    public async Task<CourseAccessLevel> ForProviderAsync(int? providerOrganisationId, CancellationToken ct = default)
    {
        if (member.UserId is not { } userId || await member.IsBlockedAsync())
        {
            return CourseAccessLevel.None;
        }

        if (await member.IsAtLeastAsync(TownRole.Coordinator))
        {
            return CourseAccessLevel.Manager;
        }

        if (providerOrganisationId is not { } organisationId)
        {
            return CourseAccessLevel.None;
        }

        var role = await db.OrganisationMembers
            .Where(m => m.OrganisationId == organisationId && m.UserId == userId && m.Organisation!.Status == OrganisationStatus.Approved)
            .Select(m => (OrganisationRole?)m.Role)
            .SingleOrDefaultAsync(ct);
        return role switch
        {
            OrganisationRole.Admin => CourseAccessLevel.Manager,
            OrganisationRole.Member => CourseAccessLevel.Teacher,
            _ => CourseAccessLevel.None,
        };
    }

    /// <summary>The organisations the signed-in person may offer courses for (approved, admin, a type that offers courses).</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> ProvidersAsync(CancellationToken ct = default)
    {
        if (member.UserId is not { } userId)
        {
            return [];
        }

        var rows = await db.OrganisationMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.Role == OrganisationRole.Admin && m.Organisation!.Status == OrganisationStatus.Approved)
            .Select(m => new { m.OrganisationId, m.Organisation!.Name, m.Organisation.Type })
            .ToListAsync(ct);
        return rows.Where(r => CanOffer(r.Type)).OrderBy(r => r.Name).Select(r => (r.OrganisationId, r.Name)).ToList();
    }
}
