using System.Reflection;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Tests.Tenancy;

/// <summary>The folder table of page access and how a page model's attributes change its folder's rule.</summary>
public sealed class PageAccessTests
{
    private static PageApplicationModel Apply(string viewEnginePath, params object[] attributes)
    {
        var model = new PageApplicationModel(new PageActionDescriptor { ViewEnginePath = viewEnginePath, RelativePath = $"/Pages{viewEnginePath}.cshtml" },
            typeof(PageModel).GetTypeInfo(), attributes);
        new PageAccessConvention().Apply(model);
        return model;
    }

    [Fact]
    public void EveryFolderWithPages_IsNamedInTheTable_AndTheTableNamesNoOther()
    {
        var pages = Path.Combine(RepositoryPaths.WebProject, "Pages");
        var folders = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).FirstOrDefault()?.StartsWith("@page", StringComparison.Ordinal) == true)
            .Select(f => PageAccess.FolderOf("/" + Path.ChangeExtension(Path.GetRelativePath(pages, f), null).Replace(Path.DirectorySeparatorChar, '/')))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(PageAccess.Folders.Keys.Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void PageOfAnUnknownFolder_StopsTheApp_NamingThePage_InsteadOfBeingServedToAnyoneOnAnyHost()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Apply("/Garden/Index"));

        Assert.Contains("/Garden/Index", refused.Message);
        Assert.Contains("PageAccess", refused.Message);
    }

    [Theory]
    [InlineData("/Index", "/")]
    [InlineData("/Me/Index", "/Me")]
    [InlineData("/Coordination/Intake/New", "/Coordination")]
    public void FolderOf_IsTheTopLevelFolder(string page, string folder) => Assert.Equal(folder, PageAccess.FolderOf(page));

    [Fact]
    public void FolderPolicy_AndThePagesOwnAuthorize_BothApply()
    {
        var model = Apply("/Coordination/Audit", new AuthorizeAttribute(Policies.TownAdmin));

        Assert.Equal(HostScope.Town, model.EndpointMetadata.OfType<HostScopeMetadata>().Single().Scope);
        Assert.Equal([Policies.Coordinator], model.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy));
        Assert.Empty(model.EndpointMetadata.OfType<IAllowAnonymous>());
    }

    [Fact]
    public void PublicFolder_DoesNotOverrideThePagesOwnAuthorize_WithAllowAnonymous()
    {
        var model = Apply("/Listings/New", new AuthorizeAttribute(Policies.TownMember));

        Assert.Empty(model.EndpointMetadata.OfType<IAllowAnonymous>());
        Assert.Empty(model.EndpointMetadata.OfType<IAuthorizeData>());
    }

    [Fact]
    public void PublicFolder_MakesAPageWithoutAuthorize_ExplicitlyAnonymous()
    {
        var model = Apply("/Listings/Index");

        Assert.Single(model.EndpointMetadata.OfType<IAllowAnonymous>());
    }

    [Fact]
    public void AllowAnonymousOnThePage_ReplacesTheFolderPolicy()
    {
        var model = Apply("/Me/Public", new AllowAnonymousAttribute());

        Assert.Empty(model.EndpointMetadata.OfType<IAuthorizeData>());
    }

    [Fact]
    public void HostScopeOnThePage_ReplacesTheFolders()
    {
        var model = Apply("/Account/Register", new HostScopeAttribute(HostScope.Town));

        Assert.Equal(HostScope.Town, Assert.Single(model.EndpointMetadata.OfType<HostScopeMetadata>()).Scope);
        Assert.Equal(HostScope.Any, Apply("/Account/Login").EndpointMetadata.OfType<HostScopeMetadata>().Single().Scope);
    }
}
