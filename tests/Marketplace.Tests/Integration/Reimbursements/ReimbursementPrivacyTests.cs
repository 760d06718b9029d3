using Marketplace.Tests.Integration.Hours;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Domain;
using Marketplace.Web.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Reimbursements;

/// <summary>A volunteer's claims in their data export, and what of them stays after their account is deleted.</summary>
[Trait("Category", "Database")]
public sealed class ReimbursementPrivacyTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task TheDataExport_HoldsTheMembersClaims()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer);
        var budget = await app.BudgetAsync("erlangen", organisation, volunteer);
        await app.BookedAsync("erlangen", budget, budget.Travel, volunteer, 12_60, ExpenseKind.Reimbursement, volunteer, "Fahrt zum Sprachkurs");
        var userId = await app.UserIdAsync(volunteer);

        await using var scope = await app.TownScopeAsync("erlangen");
        var (data, _) = await scope.ServiceProvider.GetRequiredService<ExportCollector>().CollectAsync(userId, "de");

        var claim = Assert.Single(data.Reimbursements);
        Assert.Equal(("Fahrt zum Sprachkurs", 1260L, 12.60m, "DE89370400440532013000"), (claim.Purpose, claim.AmountCents, claim.AmountEuros, claim.Iban));
    }

    [Fact]
    public async Task Anonymising_KeepsTheAmounts_ButNotThePayeeOrTheIban()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer);
        var budget = await app.BudgetAsync("erlangen", organisation, volunteer);
        var id = await app.BookedAsync("erlangen", budget, budget.Travel, volunteer, 12_60, ExpenseKind.Reimbursement, volunteer, "Fahrt zum Sprachkurs");
        var userId = await app.UserIdAsync(volunteer);

        await using (var scope = await app.TownScopeAsync("erlangen"))
        {
            await scope.ServiceProvider.GetRequiredService<TownAnonymiser>().AnonymiseAsync(new FormerPerson(userId, volunteer, null, "gelöschte-person-x1"));
        }

        var claim = await app.InTownAsync("erlangen", db => db.Expenses.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal((1260L, "gelöschte-person-x1", (string?)null), (claim.AmountCents, claim.Payee, claim.PayeeIban));
    }
}
