using System.Globalization;
using System.Net;
using Marketplace.Tests.Integration.Hours;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Reimbursements;

/// <summary>A volunteer claims expenses at /me/reimbursements/new and follows them at /me/reimbursements.</summary>
[Trait("Category", "Database")]
public sealed class ReimbursementClaimTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Form = "[data-testid=reimb-form]";
    private const string NewPage = "/me/reimbursements/new";
    private const string ValidIban = "DE89 3704 0044 0532 0130 00";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Claim(ReimbursementType type, int line, string belongsTo, string? km = null, string? amount = null,
        DateOnly? day = null, string purpose = "Begleitung zur Ausländerbehörde", string iban = "") => new()
        {
            ["Input.Type"] = type.ToString(),
            ["Input.SpentOn"] = (day ?? HoursSetup.TownToday()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Purpose"] = purpose,
            ["Input.Kilometres"] = km ?? "",
            ["Input.Amount"] = amount ?? "",
            ["Input.BelongsTo"] = belongsTo,
            ["Input.PlanLineId"] = Id(line),
            ["Input.Iban"] = iban,
        };

    private async Task<(string Volunteer, int Organisation, ReimbursementSetup.Budget Budget)> VolunteerWithBudgetAsync(string slug = "erlangen")
    {
        var volunteer = await app.VolunteerAsync(slug);
        var organisation = await app.OrganisationAsync(slug, volunteer);
        var budget = await app.BudgetAsync(slug, organisation, volunteer);
        return (volunteer, organisation, budget);
    }

    [Fact]
    public async Task Kilometres_AreWorkedOutBeforeSaving_AndTheClaimIsStoredAsSubmitted_AtTheTownsRate()
    {
        var (volunteer, organisation, budget) = await VolunteerWithBudgetAsync();
        var client = await app.SignedInAsync("erlangen", volunteer);
        var values = Claim(ReimbursementType.Kilometres, budget.Travel, $"organisation-{organisation}", km: "42", iban: ValidIban);

        var page = await client.GetPageAsync(NewPage);
        var compute = page.QuerySelector("[data-testid=reimb-km-compute]")!.GetAttribute("formaction")!;
        var preview = await client.PostAsync(compute, new FormUrlEncodedContent(new Dictionary<string, string>(values) { ["__RequestVerificationToken"] = page.Token() }));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("12,60 €", HoursSetup.Plain((await Html.ParseAsync(preview)).TestId("reimb-km-amount")));
        Assert.Empty(await app.ClaimsOfAsync("erlangen", volunteer));

        var saved = await client.SubmitWithFilesAsync(NewPage, Form, values);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var claim = Assert.Single(await app.ClaimsOfAsync("erlangen", volunteer));
        Assert.Equal((ExpenseKind.Reimbursement, ExpenseStatus.Submitted, 1260L, 42, 30L), (claim.Kind, claim.Status, claim.AmountCents, claim.Kilometres!.Value, claim.KilometreRateCents!.Value));
        Assert.Equal((volunteer, false, "DE89370400440532013000", budget.Travel), (claim.Payee, claim.PayeeIsBusiness, claim.PayeeIban, claim.PlanLineId));
        var row = Assert.Single((await client.GetPageAsync("/me/reimbursements")).QuerySelectorAll("[data-testid=reimb-row]"));
        Assert.Equal("12,60 €", HoursSetup.Plain(row.QuerySelector("[data-testid=reimb-row-amount]")!.TextContent));
        Assert.Equal("eingereicht", row.QuerySelector("[data-testid=reimb-row-status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task WithHtmx_TheKilometreAmountComesBackAlone()
    {
        var (volunteer, organisation, budget) = await VolunteerWithBudgetAsync();
        var client = await app.SignedInAsync("erlangen", volunteer);
        var page = await client.GetPageAsync(NewPage);
        var values = Claim(ReimbursementType.Kilometres, budget.Travel, $"organisation-{organisation}", km: "10");
        values["__RequestVerificationToken"] = page.Token();
        using var request = new HttpRequestMessage(HttpMethod.Post, NewPage + "?handler=Amount") { Content = new FormUrlEncodedContent(values) };
        request.Headers.Add("HX-Request", "true");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = await Html.ParseAsync(response);
        Assert.Null(fragment.QuerySelector("header.site-header"));
        Assert.Contains("3,00 €", HoursSetup.Plain(fragment.TestId("reimb-km-amount")));
    }

    [Fact]
    public async Task ATicket_IsStoredWithItsReceipt_ReEncoded()
    {
        var (volunteer, _, budget) = await VolunteerWithBudgetAsync();
        var match = await app.MatchAsync("erlangen", volunteer);
        var client = await app.SignedInAsync("erlangen", volunteer);

        var saved = await client.SubmitWithFilesAsync(NewPage, Form, Claim(ReimbursementType.PublicTransport, budget.Travel, $"match-{match}", amount: "4,90"),
            ("Receipt", "fahrkarte.jpg", "image/jpeg", TestPhotos.JpegWithGps()));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var claim = Assert.Single(await app.ClaimsOfAsync("erlangen", volunteer));
        Assert.Equal((490L, match, (string?)null), (claim.AmountCents, claim.MatchId, claim.PayeeIban));
        var receipt = await app.InTownAsync("erlangen", db => db.ExpenseReceipts.AsNoTracking().SingleAsync(r => r.ExpenseId == claim.Id));
        Assert.Equal("image/webp", receipt.ContentType);
    }

    public static TheoryData<string, string> BadClaims => new()
    {
        { "future", "Input.SpentOn" },
        { "iban", "Input.Iban" },
        { "km0", "Input.Kilometres" },
        { "amount", "Input.Amount" },
        { "wrongline", "Input.PlanLineId" },
        { "purpose", "Input.Purpose" },
        { "receipt", "Receipt" },
        { "belongs", "Input.BelongsTo" },
    };

    [Theory]
    [MemberData(nameof(BadClaims))]
    public async Task BadInput_IsRefusedAtTheField_AndNothingIsWritten(string bad, string field)
    {
        var (volunteer, organisation, budget) = await VolunteerWithBudgetAsync();
        var stranger = await app.VolunteerAsync("erlangen");
        var theirMatch = await app.MatchAsync("erlangen", stranger);
        var client = await app.SignedInAsync("erlangen", volunteer);
        var org = $"organisation-{organisation}";
        var values = bad switch
        {
            "future" => Claim(ReimbursementType.Kilometres, budget.Travel, org, km: "5", day: HoursSetup.TownToday().AddDays(1)),
            "iban" => Claim(ReimbursementType.Kilometres, budget.Travel, org, km: "5", iban: "DE89 3704 0044 0532 0130 01"),
            "km0" => Claim(ReimbursementType.Kilometres, budget.Travel, org, km: "0"),
            "amount" => Claim(ReimbursementType.Other, budget.Other, org, amount: "viel"),
            "wrongline" => Claim(ReimbursementType.Kilometres, budget.Material, org, km: "5"),
            "purpose" => Claim(ReimbursementType.Kilometres, budget.Travel, org, km: "5", purpose: ""),
            "receipt" => Claim(ReimbursementType.Material, budget.Material, org, amount: "12,00"),
            _ => Claim(ReimbursementType.Kilometres, budget.Travel, $"match-{theirMatch}", km: "5"),
        };

        var response = await client.SubmitWithFilesAsync(NewPage, Form, values);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError(field));
        Assert.Empty(await app.ClaimsOfAsync("erlangen", volunteer));
    }

    [Fact]
    public async Task ABudgetOfAnOrganisationTheMemberDoesNotBelongTo_IsRefused_TheOfficesOwnBudgetIsOpenToAnyMember()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var match = await app.MatchAsync("erlangen", volunteer);
        var other = await app.VolunteerAsync("erlangen");
        var theirOrganisation = await app.OrganisationAsync("erlangen", other);
        var theirBudget = await app.BudgetAsync("erlangen", theirOrganisation, other);
        var officeAdmin = await app.NewMemberAsync("erlangen", "ro");
        var office = await app.CreateOrganisationAsync("erlangen", officeAdmin, OrganisationSetup.UniqueName("Koordinierungsstelle"),
            OrganisationStatus.Approved, OrganisationType.MunicipalOffice);
        var officeBudget = await app.BudgetAsync("erlangen", office, officeAdmin);
        var client = await app.SignedInAsync("erlangen", volunteer);

        var offered = (await client.GetPageAsync(NewPage)).QuerySelectorAll("[data-testid=reimb-line] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.DoesNotContain(Id(theirBudget.Travel), offered);
        Assert.Contains(Id(officeBudget.Travel), offered);

        var refused = await client.SubmitWithFilesAsync(NewPage, Form, Claim(ReimbursementType.Kilometres, theirBudget.Travel, $"match-{match}", km: "8"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull((await Html.ParseAsync(refused)).FieldError("Input.PlanLineId"));
        Assert.Empty(await app.ClaimsOfAsync("erlangen", volunteer));

        var accepted = await client.SubmitWithFilesAsync(NewPage, Form, Claim(ReimbursementType.Kilometres, officeBudget.Travel, $"match-{match}", km: "8"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(officeBudget.Id, Assert.Single(await app.ClaimsOfAsync("erlangen", volunteer)).ProjectBudgetId);
    }

    [Fact]
    public async Task AClosedOrEndedBudget_IsNotOffered_AndRefused()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer);
        var ended = await app.BudgetAsync("erlangen", organisation, volunteer, endsOn: HoursSetup.TownToday().AddDays(-1));
        var submitted = await app.BudgetAsync("erlangen", organisation, volunteer, ProjectBudgetStatus.Submitted);
        var client = await app.SignedInAsync("erlangen", volunteer);

        foreach (var line in new[] { ended.Travel, submitted.Travel })
        {
            var response = await client.SubmitWithFilesAsync(NewPage, Form, Claim(ReimbursementType.Kilometres, line, $"organisation-{organisation}", km: "3"));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        }

        Assert.Empty(await app.ClaimsOfAsync("erlangen", volunteer));
    }

    [Fact]
    public async Task APotsdamMember_CannotChargeAnErlangenBudget()
    {
        var (_, _, erlangenBudget) = await VolunteerWithBudgetAsync();
        var (potsdamVolunteer, potsdamOrganisation, _) = await VolunteerWithBudgetAsync("potsdam");
        var client = await app.SignedInAsync("potsdam", potsdamVolunteer);

        var response = await client.SubmitWithFilesAsync(NewPage, Form,
            Claim(ReimbursementType.Kilometres, erlangenBudget.Travel, $"organisation-{potsdamOrganisation}", km: "3"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(0, await app.InTownAsync(null, db => db.Expenses.IgnoreQueryFilters().CountAsync(e => e.PlanLineId == erlangenBudget.Travel)));
    }

    [Fact]
    public async Task MyReimbursements_ShowsOnlyMyOwnClaims_AndIWithdrawOnlyMineWhileSubmitted()
    {
        var (volunteer, _, budget) = await VolunteerWithBudgetAsync();
        var colleague = await app.VolunteerAsync("erlangen");
        await app.AddMemberAsync("erlangen", budget.OrganisationId, colleague, OrganisationRole.Member);
        var mine = await app.BookedAsync("erlangen", budget, budget.Travel, volunteer, 7_50, ExpenseKind.Reimbursement, volunteer, "Meine Fahrt", status: ExpenseStatus.Submitted);
        var paid = await app.BookedAsync("erlangen", budget, budget.Travel, volunteer, 3_20, ExpenseKind.Reimbursement, volunteer, "Bezahlte Fahrt", status: ExpenseStatus.Paid);
        var theirs = await app.BookedAsync("erlangen", budget, budget.Travel, colleague, 9_90, ExpenseKind.Reimbursement, colleague, "Fremde Fahrt", status: ExpenseStatus.Submitted);
        var client = await app.SignedInAsync("erlangen", volunteer);

        var page = await client.GetPageAsync("/me/reimbursements");
        var rows = page.QuerySelectorAll("[data-testid=reimb-row]").Select(r => r.GetAttribute("data-id")).ToList();
        Assert.Equal(new[] { Id(paid), Id(mine) }.Order(), rows.Order());
        Assert.DoesNotContain("Fremde Fahrt", page.Body!.TextContent);
        Assert.Single(page.QuerySelectorAll("[data-testid=reimb-withdraw]"));

        var token = page.Token();
        foreach (var id in new[] { theirs, paid })
        {
            var refused = await client.PostAsync($"/me/reimbursements?handler=Withdraw&id={id}",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }

        var withdrawn = await client.PressAsync(page.QuerySelector("[data-testid=reimb-withdraw]")!, "/me/reimbursements");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var states = (await app.ClaimsOfAsync("erlangen", volunteer)).ToDictionary(e => e.Id, e => e.Status);
        Assert.Equal(ExpenseStatus.Withdrawn, states[mine]);
        Assert.Equal(ExpenseStatus.Paid, states[paid]);
        Assert.Equal(ExpenseStatus.Submitted, Assert.Single(await app.ClaimsOfAsync("erlangen", colleague)).Status);
    }

    [Fact]
    public async Task TheAllowance_WarnsAboveTheMonthlyBenefitLimit_WithoutBlocking()
    {
        var (volunteer, organisation, budget) = await VolunteerWithBudgetAsync();
        var client = await app.SignedInAsync("erlangen", volunteer);
        Assert.Null((await client.GetPageAsync("/me/reimbursements")).QuerySelector("[data-testid=reimb-allowance-warning]"));

        await app.BookedAsync("erlangen", budget, budget.Material, volunteer, 260_00, ExpenseKind.Reimbursement, volunteer, "Bastelmaterial",
            type: ReimbursementType.Material);

        var page = await client.GetPageAsync("/me/reimbursements");
        Assert.NotNull(page.QuerySelector("[data-testid=reimb-allowance-warning]"));
        Assert.Equal("260,00 €", HoursSetup.Plain(page.TestId("reimb-allowance-year")));
        var saved = await client.SubmitWithFilesAsync(NewPage, Form, Claim(ReimbursementType.Kilometres, budget.Travel, $"organisation-{organisation}", km: "20"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    [InlineData("ar")]
    [InlineData("fa")]
    [InlineData("uk")]
    public async Task ThePages_RenderInEveryLanguage_WithWarningsAndRows(string culture)
    {
        var (volunteer, _, budget) = await VolunteerWithBudgetAsync();
        await app.BookedAsync("erlangen", budget, budget.Material, volunteer, 900_00, ExpenseKind.Reimbursement, volunteer, "Werkzeug",
            type: ReimbursementType.Material);
        var client = await app.SignedInAsync("erlangen", volunteer);

        var mine = await client.GetPageAsync($"/me/reimbursements?culture={culture}");
        Assert.NotNull(mine.QuerySelector("[data-testid=reimb-allowance-warning]"));
        Assert.Single(mine.QuerySelectorAll("[data-testid=reimb-row]"));
        Assert.NotNull((await client.GetPageAsync($"/me/reimbursements/new?culture={culture}")).QuerySelector(Form));
        Assert.NotEmpty((await client.GetPageAsync($"/transparency?project={budget.Id}&culture={culture}")).QuerySelectorAll("[data-testid=expense-row]"));
    }

    [Fact]
    public async Task OnlyMembers_OpenTheClaimPages()
    {
        var anonymous = app.TownClient("erlangen");
        foreach (var url in new[] { "/me/reimbursements", NewPage })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }
}
