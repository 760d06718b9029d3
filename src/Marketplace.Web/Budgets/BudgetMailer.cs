using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Budgets;

/// <summary>The office's decision on a project budget, to each admin of the applying organisation in their language.</summary>
public sealed class BudgetMailer(AppDbContext db, TownMail mail, TenantLinks links, ITenantContext tenant, IStringLocalizer<SharedResource> resources)
{
    // User text (names, titles) in mail is isolated: FSI/PDI in the text part and subject, <bdi> in the HTML part.
    private readonly IsolatingLocalizer _l = new(resources);

    /// <summary>Reads the decision as written in the caller's transaction; keyed by budget and admin: one mail each.</summary>
    public async Task QueueDecisionAsync(int budgetId, DateTimeOffset decidedAt)
    {
        var budget = await db.ProjectBudgets.AsNoTracking().Where(b => b.Id == budgetId)
            .Select(b => new { b.OrganisationId, b.Title, b.Status, b.GrantedCents, b.RequestedCents, b.DecisionNote, b.OwnResponsibility, Organisation = b.Organisation!.Name })
            .SingleAsync();
        var town = tenant.Tenant!;
        var link = links.TownUrl(town.Slug, $"/organisations/{budget.OrganisationId}/budgets/{budgetId}");
        var admins = await db.OrganisationMembers.AsNoTracking()
            .Where(m => m.OrganisationId == budget.OrganisationId && m.Role == OrganisationRole.Admin && m.User!.Email != null)
            .Select(m => new { m.UserId, m.User!.Email, m.User.UserName, m.User.PreferredCulture })
            .ToListAsync();
        var approved = budget.Status == ProjectBudgetStatus.Approved;
        foreach (var admin in admins)
        {
            await mail.QueueAsync(admin.Email!, admin.PreferredCulture ?? town.DefaultCulture, "budget-reviewed",
                $"budget-reviewed:{budgetId.ToString(CultureInfo.InvariantCulture)}:{admin.UserId}:{decidedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}", () =>
                {
                    var content = approved
                        ? MailContent.FromBody(_l["Budgets_Mail_Approved_Subject", budget.Title],
                            _l["Budgets_Mail_Approved_Body", admin.UserName!, budget.Title, budget.Organisation, BudgetFigures.Euros(budget.GrantedCents), BudgetFigures.Euros(budget.RequestedCents), link],
                            link, _l["Budgets_Mail_Open"])
                        : MailContent.FromBody(_l["Budgets_Mail_Rejected_Subject", budget.Title],
                            _l["Budgets_Mail_Rejected_Body", admin.UserName!, budget.Title, budget.Organisation, link], link, _l["Budgets_Mail_Open"]);
                    List<string> more = [];
                    if (approved && budget.OwnResponsibility)
                    {
                        more.Add(_l["Budgets_Mail_OwnResponsibility"]);
                    }

                    if (!string.IsNullOrWhiteSpace(budget.DecisionNote))
                    {
                        more.Add(_l[approved ? "Budgets_Mail_Conditions" : "Budgets_Mail_Reason", budget.DecisionNote]);
                    }

                    return content with { Paragraphs = [.. content.Paragraphs, .. more] };
                });
        }
    }
}
