using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Budgets;

public sealed record ProofLine(CostLines Line, string? Description, long ApprovedCents, long SpentCents)
{
    public int UsedPercent => BudgetRules.UsedPercent(SpentCents, ApprovedCents);
}

/// <summary>
/// A booked payment. A reimbursement's payee is a volunteer, a private person: the funder's copy says only
/// "Auslagenersatz"; <see cref="UserName"/> is filled only for the organisation's own copy.
/// </summary>
public sealed record ProofPayment(int Id, DateOnly SpentOn, ExpenseKind Kind, string Payee, string? UserName, string Purpose, CostLines Line, long AmountCents,
    ExpenseStatus Status, DateOnly? PaidOn);

/// <summary>One day of approved volunteer work for the timesheet (a fund that counts volunteer hours as notional costs).</summary>
public sealed record ProofHoursRow(DateOnly WorkedOn, string UserName, string Activity, int Minutes);

public sealed record ProofOfUse(int BudgetId, int OrganisationId, string Title, string Organisation, string Fund, string? Programme, DateOnly StartsOn,
    DateOnly EndsOn, DateOnly ProofDueOn, string Goals, string? EffectGoal, string? ReportText, long GrantedCents, long SpentCents,
    IReadOnlyList<ProofLine> Lines, IReadOnlyList<IndicatorRow> Indicators, IReadOnlyList<ProofPayment> Payments, bool CountsVolunteerHours,
    IReadOnlyList<ProofHoursRow> Hours, long HourlyRateCents, bool OwnCopy)
{
    public long PaymentsCents => Payments.Sum(p => p.AmountCents);
    public int HoursMinutes => Hours.Sum(h => h.Minutes);
    public long HoursValueCents => HoursValue.Of(HoursMinutes, HourlyRateCents);

    /// <summary>How a payment's payee is written in this copy.</summary>
    public string PayeeOf(ProofPayment payment, IStringLocalizer l) => payment.Kind == ExpenseKind.Reimbursement
        ? OwnCopy && payment.UserName is { } name ? l["Effects_ProofReimbursementOf", name].Value : l["Effects_ProofReimbursement"].Value
        : payment.Payee;
}

/// <summary>
/// The proof of use (Verwendungsnachweis) of one project, composed from what is already recorded: goals, the
/// organisation's own text, the indicators with their notes, the plan by lines, every booked payment in date order, and
/// where the fund counts them the approved volunteer hours as a timesheet. Rejected, withdrawn and pending claims are
/// not payments and never appear.
/// </summary>
public sealed class ProofsOfUse(AppDbContext db, Indicators indicators)
{
    private static readonly ExpenseStatus[] Booked = [ExpenseStatus.Approved, ExpenseStatus.Paid];

    public async Task<ProofOfUse?> ForAsync(int organisationId, int budgetId, bool ownCopy, CancellationToken ct = default)
    {
        var budget = await db.ProjectBudgets.AsNoTracking().Where(b => b.Id == budgetId && b.OrganisationId == organisationId)
            .Select(b => new
            {
                b.Id, b.OrganisationId, b.Title, Organisation = b.Organisation!.Name, Fund = b.Fund!.Name, b.Fund.Programme, b.Fund.ProofDueMonths,
                b.Fund.CountsVolunteerHours, b.StartsOn, b.EndsOn, b.Goals, b.EffectGoal, b.ReportText, b.GrantedCents, b.SpentCents,
            })
            .SingleOrDefaultAsync(ct);
        if (budget is null)
        {
            return null;
        }

        var lines = await db.BudgetPlanLines.AsNoTracking().Where(l => l.ProjectBudgetId == budgetId).OrderBy(l => l.Line).ThenBy(l => l.Id)
            .Select(l => new ProofLine(l.Line, l.Description, l.ApprovedCents, l.SpentCents)).ToListAsync(ct);
        var payments = await db.Expenses.AsNoTracking().Where(e => e.ProjectBudgetId == budgetId && Booked.Contains(e.Status))
            .OrderBy(e => e.SpentOn).ThenBy(e => e.Id)
            .Select(e => new ProofPayment(e.Id, e.SpentOn, e.Kind, e.Kind == ExpenseKind.Reimbursement ? "" : e.Payee,
                ownCopy && e.Kind == ExpenseKind.Reimbursement ? e.SubmittedBy!.UserName : null, e.Purpose, e.PlanLine!.Line, e.AmountCents, e.Status,
                e.PaidOn))
            .ToListAsync(ct);
        var hours = budget.CountsVolunteerHours
            ? await db.VolunteerHours.AsNoTracking()
                .Where(h => h.OrganisationId == organisationId && h.Status == HoursStatus.Approved && h.WorkedOn >= budget.StartsOn && h.WorkedOn <= budget.EndsOn)
                .OrderBy(h => h.WorkedOn).ThenBy(h => h.Id)
                .Select(h => new ProofHoursRow(h.WorkedOn, h.User!.UserName!, h.Activity, h.Minutes)).ToListAsync(ct)
            : [];
        var townId = db.CurrentTenantId;
        var rate = await db.Tenants.Where(t => t.Id == townId).Select(t => t.HourlyRateCents).SingleAsync(ct);

        return new ProofOfUse(budget.Id, budget.OrganisationId, budget.Title, budget.Organisation, budget.Fund, budget.Programme, budget.StartsOn, budget.EndsOn,
            budget.EndsOn.AddMonths(budget.ProofDueMonths), budget.Goals, budget.EffectGoal, budget.ReportText, budget.GrantedCents, budget.SpentCents, lines,
            await indicators.ListAsync(budgetId, ct), payments, budget.CountsVolunteerHours, hours, rate, ownCopy);
    }

    /// <summary>
    /// The narrative draft (Sachbericht) in the reader's language: what the project set out to do, the organisation's own
    /// words, and each indicator's target against its last value with the note that says what the number means.
    /// </summary>
    public static IReadOnlyList<string> Narrative(ProofOfUse proof, IStringLocalizer l, CultureInfo culture)
    {
        var paragraphs = new List<string>
        {
            l["Effects_ProofNarrativeIntro", proof.Organisation, proof.Title, proof.StartsOn.ToString("d", culture), proof.EndsOn.ToString("d", culture),
                proof.Fund].Value,
        };
        if (!string.IsNullOrWhiteSpace(proof.EffectGoal))
        {
            paragraphs.Add(l["Effects_ProofNarrativeEffectGoal", proof.EffectGoal].Value);
        }

        paragraphs.Add(l["Effects_ProofNarrativeGoals", proof.Goals.Trim()].Value);
        if (!string.IsNullOrWhiteSpace(proof.ReportText))
        {
            paragraphs.Add(proof.ReportText.Trim());
        }

        foreach (var indicator in proof.Indicators)
        {
            paragraphs.Add(indicator.Last is { } last
                ? l["Effects_ProofNarrativeIndicator", indicator.Name, indicator.Target, indicator.Unit, last.Value, last.AchievedPercent,
                    last.PeriodEnd.ToString("d", culture)].Value + (last.Note is { } note ? " " + note : "")
                : l["Effects_ProofNarrativeNoValue", indicator.Name, indicator.Target, indicator.Unit].Value);
        }

        paragraphs.Add(l["Effects_ProofNarrativeMoney", Money(proof.GrantedCents, culture), Money(proof.PaymentsCents, culture), proof.Payments.Count].Value);
        return paragraphs;
    }

    public static string Money(long cents, CultureInfo culture) => Domain.Money.ToEuros(cents).ToString("C2", Localization.Cultures.Get(culture.Name));
}
