using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Budgets;

/// <summary>
/// Tells the submitter that their expense or claim was rejected or needs more, with the reason and a link, in their
/// language. Queued into the outbox inside the decision's transaction, keyed by the decision's time, so it leaves once
/// after the commit and never for a decision that rolled back.
/// </summary>
public sealed class ExpenseMailer(AppDbContext db, TownMail mail, TenantLinks links, ITenantContext tenant, IStringLocalizer<SharedResource> resources)
{
    // The kinds are also written as literals in the call below, where the scan of EveryMailInArabicTests finds them.
    public const string RejectedTemplate = "expense-rejected";
    public const string IncompleteTemplate = "expense-incomplete";

    private readonly IsolatingLocalizer _l = new(resources);

    public async Task QueueDecisionAsync(ExpenseFacts facts, bool incomplete, string reason, DateTimeOffset decidedAt)
    {
        if (await MailRecipient.FindAsync(db, facts.SubmittedByUserId) is not { } to)
        {
            return;
        }

        var town = tenant.Tenant!;
        var culture = Cultures.IsSupported(to.Culture) ? to.Culture! : town.DefaultCulture;
        var path = ExpensePaths.Expense(facts.OrganisationId, facts.ProjectBudgetId, facts.Id);
        var key = $"{(incomplete ? IncompleteTemplate : RejectedTemplate)}:{facts.Id}:{decidedAt.UtcTicks}";
        await mail.QueueAsync(to.Email, culture, incomplete ? "expense-incomplete" : "expense-rejected", key, () =>
        {
            var amount = Cultures.Euros(Money.ToEuros(facts.AmountCents));
            return new MailContent(_l[incomplete ? "Expenses_MailIncompleteSubject" : "Expenses_MailRejectedSubject", amount],
                _l["Digest_Greeting", to.UserName],
                [_l[incomplete ? "Expenses_MailIncomplete" : "Expenses_MailRejected", amount], _l["Expenses_MailReason"]])
            {
                Quote = reason,
                Action = new MailLink(_l["Expenses_MailOpen"], links.TownUrl(town.Slug, path)),
            };
        });
    }
}

/// <summary>The addresses of the expense pages, so mails, lists and redirects agree.</summary>
public static class ExpensePaths
{
    public static string Ledger(int organisationId, int budgetId) =>
        string.Create(CultureInfo.InvariantCulture, $"/organisations/{organisationId}/budgets/{budgetId}/expenses");

    public static string Expense(int organisationId, int budgetId, int expenseId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Ledger(organisationId, budgetId)}/{expenseId}");

    public static string Receipt(int organisationId, int budgetId, int expenseId) => Expense(organisationId, budgetId, expenseId) + "/receipt";
}
