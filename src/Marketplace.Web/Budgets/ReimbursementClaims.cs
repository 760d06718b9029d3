using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Budgets;

/// <summary>A plan line a member may charge a claim to: of an approved, running budget of their organisation or of the town's office.</summary>
public sealed record ClaimLine(int LineId, int BudgetId, int OrganisationId, string Organisation, string Project, CostLines Line, bool Office);

public sealed record ClaimMatch(int Id, string? Title);

public sealed record ClaimHours(int Id, DateOnly WorkedOn, string Activity);

public sealed record ClaimOrganisation(int Id, string Name);

/// <summary>What a member can link a claim to and charge it to, and the town's rate per km.</summary>
public sealed record ClaimOptions(IReadOnlyList<ClaimMatch> Matches, IReadOnlyList<ClaimHours> HoursEntries,
    IReadOnlyList<ClaimOrganisation> Organisations, IReadOnlyList<ClaimLine> Lines, long KilometreRateCents);

/// <summary>A checked claim, ready to store.</summary>
public sealed record NewClaim(ReimbursementType Type, DateOnly SpentOn, string Purpose, int? Kilometres, long AmountCents,
    int? MatchId, int? HoursEntryId, ClaimLine Line, string? Iban, ReceiptFile? Receipt);

/// <summary>One of the member's own claims as their list shows it.</summary>
public sealed record MyClaim(int Id, DateOnly SpentOn, string Purpose, ReimbursementType? Type, int? Kilometres, long AmountCents,
    ExpenseStatus Status, string? Reason, DateOnly? PaidOn, string Organisation, string Project, DateTimeOffset SubmittedAt);

/// <summary>
/// Volunteers' claims (Auslagenersatz): what a member may link and charge a claim to, storing it with its receipt, and
/// taking it back while nobody has decided yet. Deciding on claims is the expenses' approval (Budgets/ExpenseApprovals).
/// </summary>
public sealed class ReimbursementClaims(AppDbContext db, ITenantContext tenant, BudgetAccess access, TimeProvider clock)
{
    public const int ClaimsShown = 200;
    public const int HoursEntriesOffered = 50;

    /// <summary>A claim may be handed in up to a year after the money was spent.</summary>
    public const int MaxAgeDays = 366;

    public async Task<ClaimOptions> OptionsAsync(string userId, DateOnly today, CancellationToken ct = default)
    {
        var matches = await db.Matches.AsNoTracking()
            .Where(m => (m.Status == MatchStatus.Accepted || m.Status == MatchStatus.Completed)
                && (m.VolunteerUserId == userId || m.CounterpartUserId == userId))
            .OrderByDescending(m => m.Id)
            .Select(m => new ClaimMatch(m.Id, db.Listings.Where(x => x.Id == m.ListingId).Select(x => x.Title).FirstOrDefault()))
            .ToListAsync(ct);
        var earliest = today.AddDays(-MaxAgeDays);
        var hours = await db.VolunteerHours.AsNoTracking()
            .Where(h => h.UserId == userId && h.Status != HoursStatus.Rejected && h.WorkedOn >= earliest)
            .OrderByDescending(h => h.WorkedOn).ThenByDescending(h => h.Id).Take(HoursEntriesOffered)
            .Select(h => new ClaimHours(h.Id, h.WorkedOn, h.Activity))
            .ToListAsync(ct);
        var organisations = await db.OrganisationMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.Organisation!.Status == OrganisationStatus.Approved)
            .OrderBy(m => m.Organisation!.Name)
            .Select(m => new ClaimOrganisation(m.OrganisationId, m.Organisation!.Name))
            .ToListAsync(ct);
        var memberOf = organisations.Select(o => o.Id).ToList();

        const CostLines claimable = CostLines.Travel | CostLines.Material | CostLines.Other;
        var lines = await db.BudgetPlanLines.AsNoTracking()
            .Where(l => (l.Line & claimable) != 0)
            .Join(db.ProjectBudgets.Where(b => b.Status == ProjectBudgetStatus.Approved && b.StartsOn <= today && b.EndsOn >= today),
                l => l.ProjectBudgetId, b => b.Id, (l, b) => new { l, b })
            .Where(x => memberOf.Contains(x.b.OrganisationId)
                || (x.b.Organisation!.Type == OrganisationType.MunicipalOffice && x.b.Organisation.Status == OrganisationStatus.Approved))
            .OrderBy(x => x.b.Organisation!.Name).ThenBy(x => x.b.Title).ThenBy(x => x.l.Line)
            .Select(x => new ClaimLine(x.l.Id, x.b.Id, x.b.OrganisationId, x.b.Organisation!.Name, x.b.Title, x.l.Line,
                x.b.Organisation.Type == OrganisationType.MunicipalOffice))
            .ToListAsync(ct);
        return new ClaimOptions(matches, hours, organisations, lines, await KilometreRateAsync(ct));
    }

    public Task<long> KilometreRateAsync(CancellationToken ct = default)
    {
        var townId = tenant.TenantId ?? throw new InvalidOperationException("Claims need a town's scope.");
        return db.Tenants.Where(t => t.Id == townId).Select(t => t.KilometreRateCents).SingleAsync(ct);
    }

    /// <summary>
    /// Whether the member may charge a claim to this line. The office's own budgets (organisation of type
    /// MunicipalOffice) pay volunteers who belong to no organisation; any other budget only its organisation's members,
    /// by the one rule of <see cref="BudgetAccess"/>.
    /// </summary>
    public async Task<bool> MayChargeAsync(ClaimLine line, CancellationToken ct = default) =>
        line.Office || (await access.ForOrganisationAsync(line.OrganisationId, ct)).MaySubmit;

    /// <summary>Stores the claim and its receipt together: both or neither.</summary>
    public async Task<int> SubmitAsync(string userId, string userName, NewClaim claim, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var expense = new Expense
        {
            ProjectBudgetId = claim.Line.BudgetId,
            PlanLineId = claim.Line.LineId,
            Kind = ExpenseKind.Reimbursement,
            SubmittedByUserId = userId,
            SubmittedAt = now,
            AmountCents = claim.AmountCents,
            SpentOn = claim.SpentOn,
            // The user name, never a real name: the approvers know the volunteer by it, the cash office by the IBAN.
            Payee = userName,
            PayeeIsBusiness = false,
            Purpose = claim.Purpose,
            ReimbursementType = claim.Type,
            Kilometres = claim.Kilometres,
            KilometreRateCents = claim.Type == ReimbursementType.Kilometres ? await KilometreRateAsync(ct) : null,
            MatchId = claim.MatchId,
            HoursEntryId = claim.HoursEntryId,
            PayeeIban = claim.Iban,
            Status = ExpenseStatus.Submitted,
        };

        // The receipt's table points to the expense without a navigation, so it needs the expense's id first; the
        // transaction keeps a claim from existing without the receipt it was handed in with.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Expenses.Add(expense);
        await db.SaveChangesAsync(ct);
        if (claim.Receipt is { } receipt)
        {
            db.ExpenseReceipts.Add(new ExpenseReceipt
            {
                ExpenseId = expense.Id, ContentType = receipt.ContentType, FileName = receipt.FileName, Data = receipt.Data, UploadedAt = now,
            });
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return expense.Id;
    }

    /// <summary>Takes back one's own claim while nobody has decided on it: one conditional update, so a decision at the same moment wins or loses whole.</summary>
    public async Task<bool> WithdrawAsync(string userId, int expenseId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return await db.Expenses
            .Where(e => e.Id == expenseId && e.Kind == ExpenseKind.Reimbursement && e.SubmittedByUserId == userId && e.Status == ExpenseStatus.Submitted)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, ExpenseStatus.Withdrawn)
                .SetProperty(e => e.DecidedByUserId, userId).SetProperty(e => e.DecidedAt, now), ct) == 1;
    }

    public Task<List<MyClaim>> MineAsync(string userId, CancellationToken ct = default) =>
        db.Expenses.AsNoTracking()
            .Where(e => e.Kind == ExpenseKind.Reimbursement && e.SubmittedByUserId == userId)
            .OrderByDescending(e => e.SubmittedAt).ThenByDescending(e => e.Id).Take(ClaimsShown)
            .Select(e => new MyClaim(e.Id, e.SpentOn, e.Purpose, e.ReimbursementType, e.Kilometres, e.AmountCents, e.Status,
                e.Status == ExpenseStatus.Rejected || e.Status == ExpenseStatus.Incomplete ? e.DecisionReason : null,
                e.PaidOn, e.ProjectBudget!.Organisation!.Name, e.ProjectBudget.Title, e.SubmittedAt))
            .ToListAsync(ct);
}
