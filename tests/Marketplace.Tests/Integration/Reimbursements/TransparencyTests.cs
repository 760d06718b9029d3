using System.Net;
using System.Text;
using Marketplace.Tests.Integration.Hours;
using Marketplace.Web.Budgets;
using Marketplace.Web.Domain;

namespace Marketplace.Tests.Integration.Reimbursements;

/// <summary>The public ledger at /transparency and its CSV: amounts without any private person's name, per town.</summary>
[Trait("Category", "Database")]
public sealed class TransparencyTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Business = "Schreibwaren Sonnenschein GmbH";
    private const string PrivatePerson = "Erika Mustermann-Zeller";
    private const string Iban = "DE89370400440532013000";

    private sealed record Ledger(ReimbursementSetup.Budget Budget, string Volunteer, string Title);

    /// <summary>An approved budget with a business's expense, a private person's expense, a volunteer's claim and one not yet approved.</summary>
    private async Task<Ledger> LedgerAsync(string slug = "erlangen")
    {
        var volunteer = await app.VolunteerAsync(slug);
        var organisation = await app.OrganisationAsync(slug, volunteer);
        var title = Organisations.OrganisationSetup.UniqueName("Sprachcafé");
        var budget = await app.BudgetAsync(slug, organisation, volunteer, title: title);
        await app.BookedAsync(slug, budget, budget.Material, volunteer, 23_40, ExpenseKind.Expense, Business, "Bastelpapier", business: true);
        await app.BookedAsync(slug, budget, budget.Other, volunteer, 50_00, ExpenseKind.Expense, PrivatePerson, "Raummiete Gemeindesaal", status: ExpenseStatus.Paid);
        await app.BookedAsync(slug, budget, budget.Travel, volunteer, 12_60, ExpenseKind.Reimbursement, volunteer, "Fahrt mit Frau Yilmaz zum Amt");
        await app.BookedAsync(slug, budget, budget.Material, volunteer, 99_99, ExpenseKind.Expense, Business, "Noch nicht bewilligt", business: true,
            status: ExpenseStatus.Submitted);
        return new Ledger(budget, volunteer, title);
    }

    private static void AssertNoPrivateData(string text, Ledger ledger)
    {
        Assert.DoesNotContain(PrivatePerson, text);
        Assert.DoesNotContain(ledger.Volunteer, text);
        Assert.DoesNotContain(Iban, text);
        Assert.DoesNotContain("Frau Yilmaz", text);
        Assert.DoesNotContain("Noch nicht bewilligt", text);
    }

    [Fact]
    public async Task ThePublicPage_ShowsGrantsAndApprovedExpenses_WithoutAnyPrivatePersonsName()
    {
        var ledger = await LedgerAsync();
        var anonymous = app.TownClient("erlangen");

        var page = await anonymous.GetPageAsync($"/transparency?project={ledger.Budget.Id}");

        var rows = page.QuerySelectorAll("[data-testid=expense-row]");
        Assert.Equal(3, rows.Length);
        Assert.Contains(rows, r => r.TextContent.Contains(Business, StringComparison.Ordinal) && r.TextContent.Contains("Bastelpapier", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.TextContent.Contains("Raummiete Gemeindesaal", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.GetAttribute("data-kind") == nameof(ExpenseKind.Reimbursement) && r.TextContent.Contains("Auslagenersatz", StringComparison.Ordinal));
        var project = Assert.Single(page.QuerySelectorAll("[data-testid=transparency-project-row]"));
        Assert.Contains(ledger.Title, project.TextContent);
        Assert.Equal("1.000,00 €", HoursSetup.Plain(project.QuerySelector("[data-testid=transparency-granted]")!.TextContent));
        Assert.Equal("914,00 €", HoursSetup.Plain(project.QuerySelector("[data-testid=transparency-remaining]")!.TextContent));
        AssertNoPrivateData(page.Body!.TextContent, ledger);
        AssertNoPrivateData((await anonymous.GetPageAsync("/transparency")).Body!.TextContent, ledger);
    }

    [Fact]
    public async Task TheCsv_HasTheSameRows_WithoutAnyPrivatePersonsName()
    {
        var ledger = await LedgerAsync();
        var anonymous = app.TownClient("erlangen");

        var response = await anonymous.GetAsync($"/transparency/expenses.csv?project={ledger.Budget.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.Contains(Business, StringComparison.Ordinal) && l.Contains("23.40", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Auslagenersatz", StringComparison.Ordinal) && l.Contains("12.60", StringComparison.Ordinal));
        AssertNoPrivateData(csv, ledger);
        AssertNoPrivateData(Encoding.UTF8.GetString(await anonymous.GetByteArrayAsync("/transparency/expenses.csv")), ledger);
    }

    [Fact]
    public async Task ACellWithFewerThanThreePeople_SaysNotHowMany()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var second = await app.VolunteerAsync("erlangen");
        var third = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer, second, third);
        var budget = await app.BudgetAsync("erlangen", organisation, volunteer);
        var lastMonth = HoursSetup.TownToday().AddMonths(-1);
        var twoAgo = HoursSetup.TownToday().AddMonths(-2);
        var year = HoursSetup.TownToday().Year;
        foreach (var person in new[] { volunteer, second })
        {
            await app.BookedAsync("erlangen", budget, budget.Travel, person, 5_00, ExpenseKind.Reimbursement, person, "Fahrt", spentOn: twoAgo);
        }

        foreach (var person in new[] { volunteer, second, third })
        {
            await app.BookedAsync("erlangen", budget, budget.Travel, person, 5_00, ExpenseKind.Reimbursement, person, "Fahrt", spentOn: lastMonth);
        }

        var page = await app.TownClient("erlangen").GetPageAsync($"/transparency?project={budget.Id}&year={twoAgo.Year}");

        var people = page.QuerySelectorAll("[data-testid=transparency-cell-people]").Select(c => c.TextContent.Trim()).ToList();
        if (lastMonth.Year == twoAgo.Year)
        {
            Assert.Equal(["weniger als 3", "3"], people);
        }
        else
        {
            Assert.Equal(["weniger als 3"], people);
        }

        Assert.True(year >= twoAgo.Year);
    }

    [Fact]
    public async Task OnlyApprovedOrClosedBudgets_Appear()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer);
        var submittedTitle = Organisations.OrganisationSetup.UniqueName("Beantragt");
        var rejectedTitle = Organisations.OrganisationSetup.UniqueName("Abgelehnt");
        var closedTitle = Organisations.OrganisationSetup.UniqueName("Abgeschlossen");
        var submitted = await app.BudgetAsync("erlangen", organisation, volunteer, ProjectBudgetStatus.Submitted, submittedTitle);
        var rejected = await app.BudgetAsync("erlangen", organisation, volunteer, ProjectBudgetStatus.Rejected, rejectedTitle);
        var closed = await app.BudgetAsync("erlangen", organisation, volunteer, ProjectBudgetStatus.Closed, closedTitle);
        var anonymous = app.TownClient("erlangen");

        // The projects are paged: each is looked for in its own fund (every budget here has a fund of its own).
        Assert.Contains(closedTitle, (await anonymous.GetPageAsync($"/transparency?fund={closed.FundId}")).Body!.TextContent);
        Assert.DoesNotContain(submittedTitle, (await anonymous.GetPageAsync($"/transparency?fund={submitted.FundId}")).Body!.TextContent);
        Assert.DoesNotContain(rejectedTitle, (await anonymous.GetPageAsync($"/transparency?fund={rejected.FundId}")).Body!.TextContent);
        var all = (await anonymous.GetPageAsync("/transparency")).Body!.TextContent;
        Assert.DoesNotContain(submittedTitle, all);
        Assert.DoesNotContain(rejectedTitle, all);
    }

    [Fact]
    public async Task TheProjects_AreAPageAtATime_WithTheirOwnPager_AndEachNameFiltersItsProject()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer);
        var first = await app.BudgetAsync("erlangen", organisation, volunteer);
        var applicant = await app.UserIdAsync(volunteer);
        var today = HoursSetup.TownToday();
        await app.InTownAsync("erlangen", async db =>
        {
            for (var i = 0; i < TransparencyLedger.ProjectPageSize; i++)
            {
                db.ProjectBudgets.Add(new ProjectBudget
                {
                    OrganisationId = organisation, FundId = first.FundId, Title = Organisations.OrganisationSetup.UniqueName("Lesepaten"),
                    Description = "Lesen", Goals = "Lesen", StartsOn = today.AddMonths(-1), EndsOn = today.AddMonths(3), RequestedCents = 100_00,
                    GrantedCents = 100_00, Status = ProjectBudgetStatus.Approved, AppliedByUserId = applicant, AppliedAt = DateTimeOffset.UtcNow,
                });
            }

            return await db.SaveChangesAsync();
        });
        var anonymous = app.TownClient("erlangen");

        var page = await anonymous.GetPageAsync($"/transparency?fund={first.FundId}");

        Assert.Equal(TransparencyLedger.ProjectPageSize, page.QuerySelectorAll("[data-testid=transparency-project-row]").Length);
        Assert.Equal(TransparencyLedger.ProjectPageSize + 2, page.QuerySelectorAll("[data-testid=transparency-project] option").Length);
        var next = page.QuerySelector("[data-testid=transparency-projects-next]")!.GetAttribute("href")!;
        Assert.StartsWith($"/transparency?fund={first.FundId}&pp=2", next, StringComparison.Ordinal);
        var second = await anonymous.GetPageAsync(next);
        var last = Assert.Single(second.QuerySelectorAll("[data-testid=transparency-project-row]"));
        Assert.Contains("Seite 2 von 2", second.QuerySelector("[data-testid=transparency-projects-pager]")!.TextContent);
        var own = await anonymous.GetPageAsync(last.QuerySelector("[data-testid=transparency-project-link]")!.GetAttribute("href")!);
        Assert.Equal(last.GetAttribute("data-id"), Assert.Single(own.QuerySelectorAll("[data-testid=transparency-project-row]")).GetAttribute("data-id"));
    }

    [Fact]
    public async Task WithoutAChosenProject_ReimbursementsAreAYearlySumPerProject_AndItsMonthsKeepTheRuleOfThree()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var second = await app.VolunteerAsync("erlangen");
        var third = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer, second, third);
        var year = HoursSetup.TownToday().Year - 1;
        var budget = await app.BudgetAsync("erlangen", organisation, volunteer, startsOn: new DateOnly(year, 1, 1), endsOn: new DateOnly(year, 12, 31));
        foreach (var person in new[] { volunteer, second })
        {
            await app.BookedAsync("erlangen", budget, budget.Travel, person, 5_00, ExpenseKind.Reimbursement, person, "Fahrt", spentOn: new DateOnly(year, 3, 10));
        }

        await app.BookedAsync("erlangen", budget, budget.Travel, third, 7_00, ExpenseKind.Reimbursement, third, "Fahrt", spentOn: new DateOnly(year, 7, 10));
        var anonymous = app.TownClient("erlangen");

        var page = await anonymous.GetPageAsync($"/transparency?fund={budget.FundId}&year={year}");

        var cell = Assert.Single(page.QuerySelectorAll("[data-testid=transparency-cell]"));
        Assert.Equal("3", cell.QuerySelector("[data-testid=transparency-cell-people]")!.TextContent.Trim());
        Assert.Contains("17,00 €", HoursSetup.Plain(cell.TextContent));
        var months = await anonymous.GetPageAsync(cell.QuerySelector("[data-testid=transparency-cell-months]")!.GetAttribute("href")!);
        Assert.Equal(["weniger als 3", "weniger als 3"],
            months.QuerySelectorAll("[data-testid=transparency-cell-people]").Select(c => c.TextContent.Trim()).ToList());
        foreach (var person in new[] { volunteer, second, third })
        {
            Assert.DoesNotContain(person, page.Body!.TextContent + months.Body!.TextContent);
        }
    }

    [Fact]
    public async Task AnotherTownsTransparency_NeverShowsThisTownsRows()
    {
        var ledger = await LedgerAsync();
        var potsdam = app.TownClient("potsdam");

        var page = await potsdam.GetPageAsync($"/transparency?project={ledger.Budget.Id}&fund={ledger.Budget.FundId}");
        Assert.Empty(page.QuerySelectorAll("[data-testid=expense-row]"));
        Assert.Empty(page.QuerySelectorAll("[data-testid=transparency-project-row]"));
        var all = (await potsdam.GetPageAsync("/transparency")).Body!.TextContent;
        Assert.DoesNotContain(ledger.Title, all);
        Assert.DoesNotContain("Bastelpapier", Encoding.UTF8.GetString(await potsdam.GetByteArrayAsync($"/transparency/expenses.csv?project={ledger.Budget.Id}")));
    }

    [Fact]
    public async Task TheFooterLinksTheTransparencyPage_AndNonsenseFiltersAreA400()
    {
        var anonymous = app.TownClient("erlangen");
        Assert.NotNull((await anonymous.GetPageAsync("/")).QuerySelector("footer a[href='/transparency']"));
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/transparency?p=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/transparency?fund=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.PlatformClient().GetAsync("/transparency")).StatusCode);
    }
}
