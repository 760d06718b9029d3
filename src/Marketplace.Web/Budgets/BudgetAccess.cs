using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Budgets;

/// <summary>What the signed-in person is to one organisation's money. Someone with none of it gets a 404.</summary>
public sealed record BudgetStanding(bool OrganisationMember, bool OrganisationAdmin, bool Office, bool TownAdmin)
{
    public static readonly BudgetStanding Nobody = new(false, false, false, false);

    /// <summary>Sees the organisation's budgets, plans and ledger.</summary>
    public bool MaySee => OrganisationMember || Office;

    /// <summary>Applies for budgets, writes the project's report and indicators.</summary>
    public bool MayManage => OrganisationAdmin || Office;

    /// <summary>Submits expenses against the organisation's approved budgets.</summary>
    public bool MaySubmit => OrganisationMember || OrganisationAdmin;

    /// <summary>Opens receipts: the organisation's admins, the office and the town admin (every opening is audit-logged).</summary>
    public bool MayOpenReceipts => OrganisationAdmin || Office;
}

/// <summary>
/// The one rule for who may do what with project budgets: an approved organisation's members submit expenses, its admins
/// apply and approve first, the coordination office (coordinators and town admins) reviews, approves last and pays; town
/// admins keep the funds. Approving one's own submission is refused elsewhere (Budgets: the approval service), whatever
/// the standing.
/// </summary>
public sealed class BudgetAccess(AppDbContext db, CurrentMember member)
{
    public async Task<BudgetStanding> ForOrganisationAsync(int organisationId, CancellationToken ct = default)
    {
        if (member.UserId is not { } userId || await member.IsBlockedAsync())
        {
            return BudgetStanding.Nobody;
        }

        var office = await member.IsAtLeastAsync(TownRole.Coordinator);
        var townAdmin = office && await member.IsAtLeastAsync(TownRole.TownAdmin);
        var role = await db.OrganisationMembers
            .Where(m => m.OrganisationId == organisationId && m.UserId == userId && m.Organisation!.Status == OrganisationStatus.Approved)
            .Select(m => (OrganisationRole?)m.Role)
            .SingleOrDefaultAsync(ct);
        if (!office && role is null)
        {
            // The office sees every organisation of its town; anyone else only their own, and only once it is approved.
            return BudgetStanding.Nobody;
        }

        var exists = office && role is null
            ? await db.Organisations.AnyAsync(o => o.Id == organisationId, ct)
            : true;
        return exists
            ? new BudgetStanding(role is not null, role == OrganisationRole.Admin, office, townAdmin)
            : BudgetStanding.Nobody;
    }

    /// <summary>The standing towards the organisation a project budget belongs to; <see cref="BudgetStanding.Nobody"/> when there is no such budget in the town.</summary>
    public async Task<BudgetStanding> ForBudgetAsync(int projectBudgetId, CancellationToken ct = default)
    {
        var organisationId = await db.ProjectBudgets.Where(b => b.Id == projectBudgetId).Select(b => (int?)b.OrganisationId).SingleOrDefaultAsync(ct);
        return organisationId is { } id ? await ForOrganisationAsync(id, ct) : BudgetStanding.Nobody;
    }

    /// <summary>Keeps the town's funds (amounts, periods, eligible lines).</summary>
    public Task<bool> MayKeepFundsAsync() => member.IsAtLeastAsync(TownRole.TownAdmin);
}
