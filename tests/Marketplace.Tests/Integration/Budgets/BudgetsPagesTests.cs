using System.Net;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Budgets;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Budgets;

/// <summary>Applying, reviewing and keeping funds through the pages, as the office and the organisations use them, without JavaScript.</summary>
[Trait("Category", "Database")]
public sealed class BudgetsPagesTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = BudgetsSetup.Town;

    [Fact]
    public async Task AnAdminApplies_ByPlanLines_AndTheRequestIsTheirSum()
    {
        var fund = await app.FundAsync(20_000_00, lines: CostLines.Material | CostLines.Rent | CostLines.FoodAndDrink);
        var (admin, organisation) = await app.OrganisationAsync();
        var client = await app.SignedInAsync(Town, admin);
        var url = $"/organisations/{organisation}/budgets/new";

        var response = await client.SubmitAsync(url, "[data-testid=apply-form]", new Dictionary<string, string>
        {
            ["Input.FundId"] = fund.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "Sprachcafé im Treff",
            ["Input.Description"] = "Zweimal die Woche üben wir Deutsch.",
            ["Input.Goals"] = "40 Menschen üben regelmäßig.",
            ["Input.GoalArea"] = "Sprache und Bildung",
            ["Input.StartsOn"] = BudgetsSetup.Start.AddMonths(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EndsOn"] = BudgetsSetup.Start.AddMonths(11).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Lines[0].Amount"] = "1.200,50",
            ["Input.Lines[0].Description"] = "Bücher",
            ["Input.Lines[3].Amount"] = "800",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var budget = await app.InTownAsync(Town, db => db.ProjectBudgets.AsNoTracking().Include(b => b.Lines).SingleAsync(b => b.OrganisationId == organisation));
        Assert.Equal(ProjectBudgetStatus.Submitted, budget.Status);
        Assert.Equal(2_000_50, budget.RequestedCents);
        Assert.Equal([(CostLines.Material, 1_200_50L), (CostLines.Rent, 800_00L)], budget.Lines.OrderBy(l => l.Line).Select(l => (l.Line, l.RequestedCents)));
        Assert.Equal($"/organisations/{organisation}/budgets/{budget.Id}", response.Headers.Location!.OriginalString);

        var details = await client.GetPageAsync($"/organisations/{organisation}/budgets/{budget.Id}");
        Assert.Equal(2, details.QuerySelectorAll("[data-testid=plan-line]").Length);
        Assert.NotNull(details.QuerySelector("[data-testid=budget-withdraw]"));
        var list = await client.GetPageAsync($"/organisations/{organisation}/budgets");
        Assert.Single(list.QuerySelectorAll("[data-testid=org-budget-row]"));
        Assert.NotNull((await client.GetPageAsync($"/organisations/{organisation}")).QuerySelector("[data-testid=org-budgets-link]"));
        Assert.Null((await app.TownClient(Town).GetPageAsync($"/organisations/{organisation}")).QuerySelector("[data-testid=org-budgets-link]"));
    }

    [Fact]
    public async Task AnApplication_WithoutAnyAmount_OrForALineTheFundDoesNotPay_IsRefusedAtTheField_AndNothingIsWritten()
    {
        var fund = await app.FundAsync(20_000_00, lines: CostLines.Material);
        var (admin, organisation) = await app.OrganisationAsync();
        var client = await app.SignedInAsync(Town, admin);
        var url = $"/organisations/{organisation}/budgets/new";
        var fields = new Dictionary<string, string>
        {
            ["Input.FundId"] = fund.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "Fest",
            ["Input.Description"] = "Ein Fest.",
            ["Input.Goals"] = "Kennenlernen.",
            ["Input.StartsOn"] = BudgetsSetup.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EndsOn"] = BudgetsSetup.Start.AddMonths(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };

        var empty = await client.SubmitAsync(url, "[data-testid=apply-form]", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.NotNull((await Html.ParseAsync(empty)).FieldError("Input.Lines"));

        fields["Input.Lines[1].Amount"] = "100";
        var ineligible = await client.SubmitAsync(url, "[data-testid=apply-form]", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ineligible.StatusCode);
        Assert.NotNull((await Html.ParseAsync(ineligible)).FieldError("Input.Lines[1].Amount"));

        fields["Input.Lines[1].Amount"] = "";
        fields["Input.Lines[0].Amount"] = "zwölf";
        var badAmount = await client.SubmitAsync(url, "[data-testid=apply-form]", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badAmount.StatusCode);
        Assert.NotNull((await Html.ParseAsync(badAmount)).FieldError("Input.Lines[0].Amount"));

        Assert.False(await app.InTownAsync(Town, db => db.ProjectBudgets.AnyAsync(b => b.OrganisationId == organisation)));
    }

    [Fact]
    public async Task ApplyAndBudgetPages_Are404_ForNonMembers_OtherTowns_AndUnapprovedOrganisations()
    {
        var fund = await app.FundAsync(5_000_00);
        var (admin, organisation) = await app.OrganisationAsync();
        var budget = await app.ApplicationAsync(organisation, fund, admin, [(CostLines.Material, 100_00)]);
        var (pendingAdmin, pending) = await app.OrganisationAsync(status: OrganisationStatus.Pending);
        var stranger = await app.SignedInAsync(Town, await app.NewMemberAsync(Town, "str"));
        var member = await app.NewMemberAsync(Town, "mem");
        await app.AddMemberAsync(Town, organisation, member, OrganisationRole.Member);
        var memberClient = await app.SignedInAsync(Town, member);

        foreach (var url in new[] { $"/organisations/{organisation}/budgets", $"/organisations/{organisation}/budgets/new", $"/organisations/{organisation}/budgets/{budget}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        }

        var pendingClient = await app.SignedInAsync(Town, pendingAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await pendingClient.GetAsync($"/organisations/{pending}/budgets/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pendingClient.GetAsync($"/organisations/{pending}/budgets")).StatusCode);

        // A member sees the budgets but does not apply or withdraw.
        Assert.Equal(HttpStatusCode.OK, (await memberClient.GetAsync($"/organisations/{organisation}/budgets/{budget}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await memberClient.GetAsync($"/organisations/{organisation}/budgets/new")).StatusCode);

        // Another town: the same ids on its host are nothing there, also for its office.
        var potsdam = await app.SignedInAsync("potsdam", "potsdam-koordination");
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync($"/organisations/{organisation}/budgets")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync($"/organisations/{organisation}/budgets/{budget}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync($"/organisations/{organisation}/budgets/new")).StatusCode);

        // The budget of another organisation under this organisation's address is nothing either.
        var (_, other) = await app.OrganisationAsync();
        var adminClient = await app.SignedInAsync(Town, admin);
        Assert.Equal(HttpStatusCode.NotFound, (await adminClient.GetAsync($"/organisations/{other}/budgets/{budget}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync($"/organisations/{organisation}/budgets/new")).StatusCode);
    }

    [Fact]
    public async Task TheOffice_ApprovesInPart_AndGrantedIsTheSumOfTheLines_AllocatedFromTheFund_AndTheAdminHearsOfIt()
    {
        var fund = await app.FundAsync(10_000_00);
        var (admin, organisation) = await app.OrganisationAsync();
        var budget = await app.ApplicationAsync(organisation, fund, admin, [(CostLines.Material, 1_000_00), (CostLines.Rent, 2_000_00), (CostLines.Fees, 500_00)]);
        var office = await app.SignedInAsync(Town, BudgetsSetup.Office);
        var url = $"/coordination/budgets/{budget}";

        var page = await office.GetPageAsync(url);
        Assert.Contains("10", page.TestId("fund-remaining"), StringComparison.Ordinal);
        Assert.Equal(3, page.QuerySelectorAll("[data-testid=plan-line]").Length);
        var waiting = await office.GetPageAsync("/coordination/budgets");
        Assert.NotNull(waiting.QuerySelector($"[data-testid=budget-waiting-row][data-budget-id='{budget}']"));

        var response = await office.SubmitAsync(url, "[data-testid=approve-form]", new Dictionary<string, string>
        {
            ["Approve[0].Amount"] = "750,25",
            ["Approve[1].Amount"] = "0",
            ["Approve[2].Amount"] = "2000",
            ["Conditions"] = "Bitte Teilnahmelisten führen.",
        });

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var approved = await app.BudgetAsync(budget);
        Assert.Equal(ProjectBudgetStatus.Approved, approved.Status);
        Assert.Equal(2_750_25, approved.GrantedCents);
        Assert.Equal(approved.Lines.Sum(l => l.ApprovedCents), approved.GrantedCents);
        Assert.Equal(0, approved.Lines.Single(l => l.Line == CostLines.Fees).ApprovedCents);
        Assert.False(approved.OwnResponsibility);
        Assert.Equal("Bitte Teilnahmelisten führen.", approved.DecisionNote);
        Assert.Equal(2_750_25, (await app.FundRowAsync(fund)).AllocatedCents);
        var audited = await app.InTownAsync(Town, db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.ReviewedProjectBudget && a.SubjectId == budget.ToString()));
        Assert.True(audited);
        var mail = await app.Smtp.WaitForAsync(OrganisationSetup.EmailOf(admin));
        Assert.Contains("2.750,25", mail.TextBody, StringComparison.Ordinal);

        var details = await (await app.SignedInAsync(Town, admin)).GetPageAsync($"/organisations/{organisation}/budgets/{budget}");
        Assert.Contains("2.750,25", details.TestId("balance"), StringComparison.Ordinal);
        Assert.NotNull(details.QuerySelector("[data-testid=budget-expenses-link]"));

        // Spending shows on the plan: the rent line (2,000 € approved) warns at 1,600 € spent.
        await app.InTownAsync(Town, db => db.BudgetPlanLines.Where(l => l.ProjectBudgetId == budget && l.Line == CostLines.Rent)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.SpentCents, 1_600_00)));
        var spending = await (await app.SignedInAsync(Town, admin)).GetPageAsync($"/organisations/{organisation}/budgets/{budget}");
        Assert.Equal("Warning", spending.QuerySelector("[data-testid=plan-line][data-line=Rent]")!.GetAttribute("data-use"));
        Assert.NotNull(spending.QuerySelector("[data-testid=plan-line-warning]"));

        // A second review of the same application is refused and changes nothing.
        var again = await office.PostAsync(url + "?handler=Reject", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Reason"] = "Doch nicht.",
            ["__RequestVerificationToken"] = await office.TokenFromAsync("/coordination/budgets"),
        }));
        Assert.NotEqual(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(ProjectBudgetStatus.Approved, (await app.BudgetAsync(budget)).Status);
    }

    [Fact]
    public async Task ApprovingMoreThanRequested_OrMoreThanTheFundHolds_IsRefusedAtTheField()
    {
        var fund = await app.FundAsync(1_000_00);
        var (admin, organisation) = await app.OrganisationAsync();
        var budget = await app.ApplicationAsync(organisation, fund, admin, [(CostLines.Material, 800_00), (CostLines.Rent, 700_00)]);
        var office = await app.SignedInAsync(Town, BudgetsSetup.Office);
        var url = $"/coordination/budgets/{budget}";

        var above = await office.SubmitAsync(url, "[data-testid=approve-form]", new Dictionary<string, string> { ["Approve[0].Amount"] = "900" });
        Assert.Equal(HttpStatusCode.BadRequest, above.StatusCode);
        Assert.NotNull((await Html.ParseAsync(above)).FieldError("Approve[0].Amount"));

        var tooMuch = await office.SubmitAsync(url, "[data-testid=approve-form]", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.NotNull((await Html.ParseAsync(tooMuch)).FieldError("Approve"));

        Assert.Equal(ProjectBudgetStatus.Submitted, (await app.BudgetAsync(budget)).Status);
        Assert.Equal(0, (await app.FundRowAsync(fund)).AllocatedCents);
    }

    [Fact]
    public async Task RejectingWithoutAReason_Is400WithTheFieldMessage_AndWithAReason_RejectsAndMails()
    {
        var fund = await app.FundAsync(10_000_00);
        var (admin, organisation) = await app.OrganisationAsync();
        var budget = await app.ApplicationAsync(organisation, fund, admin, [(CostLines.Material, 1_000_00)]);
        var office = await app.SignedInAsync(Town, BudgetsSetup.Office);
        var url = $"/coordination/budgets/{budget}";

        var refused = await office.SubmitAsync(url, "[data-testid=reject-form]", new Dictionary<string, string> { ["Reason"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await Html.ParseAsync(refused)).FieldError("Reason"));
        Assert.Equal(ProjectBudgetStatus.Submitted, (await app.BudgetAsync(budget)).Status);

        var rejected = await office.SubmitAsync(url, "[data-testid=reject-form]", new Dictionary<string, string> { ["Reason"] = "Der Fonds fördert keine Geräte." });
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var row = await app.BudgetAsync(budget);
        Assert.Equal(ProjectBudgetStatus.Rejected, row.Status);
        Assert.Equal("Der Fonds fördert keine Geräte.", row.DecisionNote);
        Assert.Equal(0, (await app.FundRowAsync(fund)).AllocatedCents);
        var mail = await app.Smtp.WaitForAsync(OrganisationSetup.EmailOf(admin));
        Assert.Contains("Der Fonds fördert keine Geräte.", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReviewPage_IsRefusedToMembers_And404ForAnotherTown_WhoseDecisionChangesNothing()
    {
        var fund = await app.FundAsync(10_000_00);
        var (admin, organisation) = await app.OrganisationAsync();
        var budget = await app.ApplicationAsync(organisation, fund, admin, [(CostLines.Material, 1_000_00)]);
        var url = $"/coordination/budgets/{budget}";

        var member = await app.SignedInAsync(Town, admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(url)).StatusCode);

        var potsdam = await app.SignedInAsync("potsdam", "potsdam-koordination");
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync(url)).StatusCode);
        var token = await potsdam.TokenFromAsync("/coordination/budgets/funds");
        var post = await potsdam.PostAsync(url + "?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Approve[0].Line"] = nameof(CostLines.Material), ["Approve[0].Amount"] = "1000", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(ProjectBudgetStatus.Submitted, (await app.BudgetAsync(budget)).Status);
    }

    [Fact]
    public async Task NobodyReviewsAnApplicationOfTheirOwnOrganisation()
    {
        var fund = await app.FundAsync(10_000_00);
        var (admin, organisation) = await app.OrganisationAsync();
        await app.AddMemberAsync(Town, organisation, BudgetsSetup.Office, OrganisationRole.Member);
        var budget = await app.ApplicationAsync(organisation, fund, admin, [(CostLines.Material, 1_000_00)]);
        var office = await app.SignedInAsync(Town, BudgetsSetup.Office);
        var url = $"/coordination/budgets/{budget}";

        var page = await office.GetPageAsync(url);
        Assert.Null(page.QuerySelector("[data-testid=approve-form]"));
        Assert.NotNull(page.QuerySelector("[data-testid=review-own]"));
        var post = await office.PostAsync(url + "?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Approve[0].Line"] = nameof(CostLines.Material), ["Approve[0].Amount"] = "1000",
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                ?? await office.TokenFromAsync("/coordination/budgets/funds"),
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(ProjectBudgetStatus.Submitted, (await app.BudgetAsync(budget)).Status);
        Assert.Equal(ReviewOutcome.OwnApplication,
            await app.ReviewsAsync(async r => await r.RejectAsync(budget, "Nein.", await app.UserIdAsync(BudgetsSetup.Office))));

        // Someone else of the office may.
        var other = await app.SignedInAsync(Town, BudgetsSetup.TownAdmin);
        Assert.Equal(HttpStatusCode.Redirect,
            (await other.SubmitAsync(url, "[data-testid=approve-form]", new Dictionary<string, string>())).StatusCode);
    }

    [Fact]
    public async Task TheFundForm_IsForTownAdmins_AndRefusesAnAmountBelowWhatIsAllocated()
    {
        var fund = await app.FundAsync(5_000_00, allocatedCents: 3_000_00);
        var coordinator = await app.SignedInAsync(Town, BudgetsSetup.Office);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/coordination/budgets/funds/edit/{fund}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/coordination/budgets/funds/edit")).StatusCode);
        var list = await coordinator.GetPageAsync("/coordination/budgets/funds");
        Assert.Contains("2.000,00", list.QuerySelector($"[data-fund-id='{fund}'] [data-testid=fund-remaining]")!.TextContent, StringComparison.Ordinal);

        var admin = await app.SignedInAsync(Town, BudgetsSetup.TownAdmin);
        var url = $"/coordination/budgets/funds/edit/{fund}";
        var below = await admin.SubmitAsync(url, "[data-testid=fund-form]", new Dictionary<string, string> { ["Input.Amount"] = "2.999,99" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, below.StatusCode);
        Assert.NotNull((await Html.ParseAsync(below)).FieldError("Input.Amount"));
        Assert.Equal(5_000_00, (await app.FundRowAsync(fund)).AmountCents);

        var saved = await admin.SubmitAsync(url, "[data-testid=fund-form]", new Dictionary<string, string> { ["Input.Amount"] = "3000" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(3_000_00, (await app.FundRowAsync(fund)).AmountCents);

        var created = await admin.SubmitAsync("/coordination/budgets/funds/edit", "[data-testid=fund-form]", new Dictionary<string, string>
        {
            ["Input.Name"] = "Neuer Testtopf",
            ["Input.Source"] = nameof(FundSource.Foundation),
            ["Input.Amount"] = "12.500",
            ["Input.StartsOn"] = "2026-01-01",
            ["Input.EndsOn"] = "2026-12-31",
            ["Input.Lines"] = "Material|FoodAndDrink",
            ["Input.CountsVolunteerHours"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var row = await app.InTownAsync(Town, db => db.Funds.AsNoTracking().OrderByDescending(f => f.Id).FirstAsync(f => f.Name == "Neuer Testtopf"));
        Assert.Equal(12_500_00, row.AmountCents);
        Assert.Equal(CostLines.Material | CostLines.FoodAndDrink, row.EligibleLines);
        Assert.True(row.CountsVolunteerHours);
        Assert.True(await app.InTownAsync(Town, db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SavedFund && a.SubjectId == row.Id.ToString())));
    }

    [Fact]
    public async Task AnEndedProject_IsClosed_AndItsRemainderGoesBackToTheFund()
    {
        var fund = await app.FundAsync(10_000_00);
        var (admin, organisation) = await app.OrganisationAsync();
        var budget = await app.ApplicationAsync(organisation, fund, admin, [(CostLines.Material, 1_000_00)]);
        var reviewer = await app.UserIdAsync(BudgetsSetup.Office);
        Assert.Equal(ReviewOutcome.Done, await app.ReviewsAsync(r =>
            r.ApproveAsync(budget, new Approval(new Dictionary<CostLines, long> { [CostLines.Material] = 1_000_00 }, null), reviewer)));
        await app.InTownAsync(Town, db => db.ProjectBudgets.Where(b => b.Id == budget).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.EndsOn, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3)).SetProperty(b => b.SpentCents, 400_00)));

        var office = await app.SignedInAsync(Town, BudgetsSetup.Office);
        var response = await office.SubmitAsync($"/coordination/budgets/{budget}", "[data-testid=close-form]", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ProjectBudgetStatus.Closed, (await app.BudgetAsync(budget)).Status);
        Assert.Equal(400_00, (await app.FundRowAsync(fund)).AllocatedCents);
        Assert.Equal(ReviewOutcome.NotClosable, await app.ReviewsAsync(r => r.CloseAsync(budget, DateOnly.FromDateTime(DateTime.UtcNow), reviewer)));
    }

    [Fact]
    public async Task AnAdminWithdraws_ASubmittedApplication_AndItLeavesTheOfficeQueue()
    {
        var fund = await app.FundAsync(10_000_00);
        var (admin, organisation) = await app.OrganisationAsync();
        var budget = await app.ApplicationAsync(organisation, fund, admin, [(CostLines.Material, 1_000_00)]);
        var client = await app.SignedInAsync(Town, admin);

        var response = await client.SubmitAsync($"/organisations/{organisation}/budgets/{budget}", "[data-testid=budget-withdraw-form]", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ProjectBudgetStatus.Withdrawn, (await app.BudgetAsync(budget)).Status);
        var office = await (await app.SignedInAsync(Town, BudgetsSetup.Office)).GetPageAsync("/coordination/budgets");
        Assert.Null(office.QuerySelector($"[data-testid=budget-waiting-row][data-budget-id='{budget}']"));
    }
}
