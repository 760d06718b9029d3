using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Budgets;

/// <summary>The town admin keeps the money thresholds of budgets in euros; they are stored in cents.</summary>
[Trait("Category", "Database")]
public sealed class BudgetSettingsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task TheDefaults_AreShownInEuros_AndNewThresholds_AreSavedInCents()
    {
        var client = await app.SignedInAsync("koeln", "koeln-admin");
        var form = await client.GetPageAsync("/town/settings");
        Assert.Equal("500,00", form.QuerySelector<IHtmlInputElement>("[data-testid=settings-own-responsibility]")!.Value);
        Assert.Equal("250,00", form.QuerySelector<IHtmlInputElement>("[data-testid=settings-second-approval]")!.Value);
        Assert.Equal("0,30", form.QuerySelector<IHtmlInputElement>("[data-testid=settings-kilometre-rate]")!.Value);

        var response = await client.SubmitAsync("/town/settings", "[data-testid=settings-form]", new Dictionary<string, string>
        {
            ["Input.OwnResponsibilityBudget"] = "1.000", ["Input.SecondApprovalAbove"] = "150,50", ["Input.KilometreRate"] = "0,35",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var town = await app.InTownAsync(null, db => db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == "koeln"));
        Assert.Equal((1_000_00L, 150_50L, 35L), (town.OwnResponsibilityBudgetCents, town.SecondApprovalAboveCents, town.KilometreRateCents));

        var refused = await client.SubmitAsync("/town/settings", "[data-testid=settings-form]", new Dictionary<string, string> { ["Input.KilometreRate"] = "0,355" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull((await Html.ParseAsync(refused)).FieldError("Input.KilometreRate"));
    }
}
