using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Tenancy;

/// <summary>
/// Every endpoint the app serves says on which host it exists and who may use it, so a new page or folder cannot
/// silently be served on every host to everyone.
/// </summary>
[Trait("Category", "Database")]
public sealed class EndpointAccessTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private IReadOnlyList<Endpoint> Endpoints() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints;

    private static string NameOf(Endpoint endpoint) =>
        endpoint is RouteEndpoint route ? $"{endpoint.DisplayName} ({route.RoutePattern.RawText})" : endpoint.DisplayName ?? "?";

    [Fact]
    public void EveryEndpoint_HasAHostScope_AndAPolicyOrAnExplicitAllowAnonymous()
    {
        var endpoints = Endpoints();
        var problems = endpoints.SelectMany(e =>
        {
            var found = new List<string>();
            if (e.Metadata.GetMetadata<HostScopeMetadata>() is null)
            {
                found.Add($"{NameOf(e)}: no host scope");
            }

            var authorize = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any();
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (!authorize && !anonymous)
            {
                found.Add($"{NameOf(e)}: neither an authorization policy nor [AllowAnonymous]");
            }

            // [AllowAnonymous] silently wins over every [Authorize] on the same endpoint.
            if (authorize && anonymous)
            {
                found.Add($"{NameOf(e)}: both [Authorize] and [AllowAnonymous]; the latter wins");
            }

            return found;
        }).ToList();

        Assert.Empty(problems);
        Assert.Contains(endpoints, e => e is RouteEndpoint { RoutePattern.RawText: "/healthz" });
        Assert.Contains(endpoints, e => e is RouteEndpoint r && r.RoutePattern.RawText?.StartsWith("/admin/jobs", StringComparison.Ordinal) == true);
        Assert.True(endpoints.Count(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null
            || e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null) > 50);
    }

    /// <summary>Host and policies page by page, as they were before the folder table: the table must keep them.</summary>
    [Theory]
    [InlineData("/Admin/Index", HostScope.Platform, "PlatformAdmin")]
    [InlineData("/Admin/Municipalities/New", HostScope.Platform, "PlatformAdmin")]
    [InlineData("/Town/Settings", HostScope.Town, "TownAdmin")]
    [InlineData("/Coordination/Index", HostScope.Town, "Coordinator")]
    [InlineData("/Coordination/Audit", HostScope.Town, "Coordinator,TownAdmin")]
    [InlineData("/Me/Index", HostScope.Town, "TownMember")]
    [InlineData("/Me/Claim", HostScope.Town, "TownMember")]
    [InlineData("/Messages/Thread", HostScope.Town, "TownMember")]
    [InlineData("/Listings/Index", HostScope.Town, null)]
    [InlineData("/Listings/New", HostScope.Town, "TownMember")]
    [InlineData("/Organisations/Index", HostScope.Town, null)]
    [InlineData("/Organisations/Invitation", HostScope.Town, "")]
    [InlineData("/Courses/Index", HostScope.Town, null)]
    [InlineData("/Organisations/Budgets/Indicators", HostScope.Town, "TownMember")]
    [InlineData("/Organisations/Budgets/Proof", HostScope.Town, "TownMember")]
    [InlineData("/Organisations/Budgets/ProofPdf", HostScope.Town, "TownMember")]
    [InlineData("/Organisations/Budgets/ProofPayments", HostScope.Town, "TownMember")]
    [InlineData("/Coordination/Effects/Index", HostScope.Town, "Coordinator")]
    [InlineData("/Coordination/Effects/Report", HostScope.Town, "Coordinator")]
    [InlineData("/Courses/Details", HostScope.Town, null)]
    [InlineData("/Courses/Calendar", HostScope.Town, null)]
    [InlineData("/Courses/Feed", HostScope.Town, null)]
    [InlineData("/Courses/Manage/Index", HostScope.Town, "TownMember")]
    [InlineData("/Courses/Manage/Edit", HostScope.Town, "TownMember")]
    [InlineData("/Courses/Manage/EditRun", HostScope.Town, "TownMember")]
    [InlineData("/Reports/New", HostScope.Town, null)]
    [InlineData("/Matches/Answer", HostScope.Town, null)]
    [InlineData("/Courses/Runs/Index", HostScope.Town, null)]
    [InlineData("/Courses/Offer", HostScope.Town, null)]
    [InlineData("/Courses/Leave", HostScope.Town, null)]
    [InlineData("/Courses/Cancel", HostScope.Town, null)]
    [InlineData("/Courses/Manage/Seats", HostScope.Town, "TownMember")]
    [InlineData("/Me/Courses", HostScope.Town, "TownMember")]
    [InlineData("/Me/Reimbursements", HostScope.Town, "TownMember")]
    [InlineData("/Me/ReimbursementsNew", HostScope.Town, "TownMember")]
    [InlineData("/Transparency/Index", HostScope.Town, null)]
    [InlineData("/Transparency/ExpensesCsv", HostScope.Town, null)]
    [InlineData("/Coordination/Courses/RunSeats", HostScope.Town, "Coordinator")]
    [InlineData("/Unsubscribe", HostScope.Town, null)]
    [InlineData("/Verify", HostScope.Town, null)]
    [InlineData("/Coordination/Courses/Index", HostScope.Town, "Coordinator")]
    [InlineData("/Courses/Manage/Run", HostScope.Town, "TownMember")]
    [InlineData("/Coordination/Courses/Run", HostScope.Town, "Coordinator,TownMember")]
    [InlineData("/Courses/Manage/RunRollCall", HostScope.Town, "TownMember")]
    [InlineData("/Courses/Manage/RunCertificate", HostScope.Town, "TownMember")]
    [InlineData("/Coordination/Budgets/Index", HostScope.Town, "Coordinator")]
    [InlineData("/Coordination/Budgets/Review", HostScope.Town, "Coordinator")]
    [InlineData("/Coordination/Budgets/Funds", HostScope.Town, "Coordinator")]
    [InlineData("/Coordination/Budgets/Fund", HostScope.Town, "Coordinator")]
    [InlineData("/Organisations/Budgets/Index", HostScope.Town, "TownMember")]
    [InlineData("/Organisations/Budgets/New", HostScope.Town, "TownMember")]
    [InlineData("/Organisations/Budgets/Details", HostScope.Town, "TownMember")]
    [InlineData("/Account/Register", HostScope.Town, null)]
    [InlineData("/Account/ResendConfirmation", HostScope.Town, null)]
    [InlineData("/Account/Login", HostScope.Any, null)]
    [InlineData("/Account/Logout", HostScope.Any, null)]
    [InlineData("/Index", HostScope.Any, null)]
    [InlineData("/Error", HostScope.Any, null)]
    [InlineData("/Culture", HostScope.Any, null)]
    [InlineData("/ContentPage", HostScope.Any, null)]
    [InlineData("/Dev/Mail/Index", HostScope.Any, null)]
    [InlineData("/Organisations/Budgets/Expenses/New", HostScope.Town, "TownMember")]
    [InlineData("/Organisations/Budgets/Expenses/Index", HostScope.Town, "TownMember")]
    [InlineData("/Organisations/Budgets/Expenses/Details", HostScope.Town, "TownMember")]
    [InlineData("/Organisations/Budgets/Expenses/Edit", HostScope.Town, "TownMember")]
    [InlineData("/Organisations/Budgets/Expenses/Receipt", HostScope.Town, "TownMember")]
    [InlineData("/Coordination/Budgets/Expenses", HostScope.Town, "Coordinator")]
    public void Page_HasItsHostScopeAndPolicies(string page, HostScope scope, string? policies)
    {
        var endpoint = Endpoints().First(e => e.DisplayName == page);

        Assert.Equal(scope, endpoint.Metadata.GetMetadata<HostScopeMetadata>()?.Scope);
        if (policies is null)
        {
            Assert.NotNull(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
            Assert.Empty(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
        }
        else
        {
            Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
            Assert.Equal(policies, string.Join(",", endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Order()));
        }
    }

    [Theory]
    [InlineData("/healthz", HostScope.Any)]
    [InlineData("/admin/jobs/{**path}", HostScope.Platform)]
    public void NonPageEndpoint_HasItsHostScope(string pattern, HostScope scope)
    {
        var endpoint = Endpoints().OfType<RouteEndpoint>().First(e => e.RoutePattern.RawText == pattern);

        Assert.Equal(scope, endpoint.Metadata.GetMetadata<HostScopeMetadata>()?.Scope);
    }
}
