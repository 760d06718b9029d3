namespace Marketplace.Testing;

/// <summary>Paths in the checkout, for tests that read the source itself.</summary>
public static class RepositoryPaths
{
    public static readonly string Root = FindRoot();
    public static readonly string WebProject = Path.Combine(Root, "src", "Marketplace.Web");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (Marketplace.sln) not found above " + AppContext.BaseDirectory);
    }
}
