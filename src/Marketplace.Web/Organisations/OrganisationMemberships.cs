using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Organisations;

/// <summary>What the signed-in person may do with one organisation of the current town.</summary>
public enum OrganisationAccess
{
    /// <summary>Not in this town, or not approved and the person is neither a member nor a coordinator: a 404.</summary>
    Hidden,
    Reader,
    Member,
    Admin,
}

/// <summary>Who belongs to which organisation of the current town, as the pages and the listing form need it.</summary>
public sealed class OrganisationMemberships(AppDbContext db, CurrentMember currentMember)
{
    /// <summary>Approved organisations the user is a member of: the ones a listing may be posted for.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> PostableForAsync(string userId)
    {
        var rows = await db.OrganisationMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.Organisation!.Status == OrganisationStatus.Approved)
            .OrderBy(m => m.Organisation!.Name)
            .Select(m => new { m.OrganisationId, m.Organisation!.Name })
            .ToListAsync();
        return rows.Select(r => (r.OrganisationId, r.Name)).ToList();
    }

    /// <summary>The user's role in the organisation, or null for anyone else (and for the signed-out).</summary>
    public async Task<OrganisationRole?> RoleAsync(int organisationId, string? userId) =>
        userId is null
            ? null
            : await db.OrganisationMembers.Where(m => m.OrganisationId == organisationId && m.UserId == userId)
                .Select(m => (OrganisationRole?)m.Role).SingleOrDefaultAsync();

    /// <summary>The signed-in person's access; pending and rejected organisations are shown only to their members and coordinators.</summary>
    public async Task<OrganisationAccess> AccessAsync(int organisationId)
    {
        var status = await db.Organisations.Where(o => o.Id == organisationId).Select(o => (OrganisationStatus?)o.Status).SingleOrDefaultAsync();
        if (status is null)
        {
            return OrganisationAccess.Hidden;
        }

        switch (await RoleAsync(organisationId, currentMember.UserId))
        {
            case OrganisationRole.Admin:
                return OrganisationAccess.Admin;
            case OrganisationRole.Member:
                return OrganisationAccess.Member;
        }

        return status == OrganisationStatus.Approved || await currentMember.IsAtLeastAsync(TownRole.Coordinator)
            ? OrganisationAccess.Reader
            : OrganisationAccess.Hidden;
    }
}
