
namespace Marketplace.Tests.Tenancy;

/// <summary>Source rules that keep the tenant filter central.</summary>
public sealed class BoundaryTests
{
    private static readonly string SourceRoot = RepositoryPaths.WebProject;

    /// <summary>Ways around the query filter: switching it off, or SQL that EF does not compose.</summary>
    [Theory]
    [InlineData("IgnoreQueryFilters")]
    [InlineData("GetDbConnection")]
    [InlineData("SqlQuery")]
    [InlineData("FromSql")]
    [InlineData("ExecuteSql")]
    public void OnlyTenancyAndData_BypassTheTenantFilter(string bypass)
    {
        var offenders = Directory.EnumerateFiles(SourceRoot, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => File.ReadAllText(f).Contains(bypass, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(SourceRoot, f))
            .Where(f => !f.StartsWith("Tenancy", StringComparison.Ordinal) && !f.StartsWith("Data", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void TenantContext_IsSetOnlyByResolutionAndScopes()
    {
        var setters = Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => File.ReadAllText(f).Contains(".SetTenant(", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .Order()
            .ToList();

        Assert.Equal(["TenantResolutionMiddleware.cs", "TenantScopeFactory.cs"], setters);
    }
}
