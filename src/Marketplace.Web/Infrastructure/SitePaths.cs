namespace Marketplace.Web.Infrastructure;

/// <summary>
/// wwwroot/ and content/ sit at the repository root (and next to the app in a container).
/// Look beside the app first, then walk up to the folder that holds Marketplace.sln.
/// </summary>
public static class SitePaths
{
    public static string Locate(string folder, params string[] startDirectories)
    {
        foreach (var start in startDirectories)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, folder);
                if (Directory.Exists(candidate)
                    && (dir.FullName == Path.GetFullPath(start).TrimEnd(Path.DirectorySeparatorChar) || File.Exists(Path.Combine(dir.FullName, "Marketplace.sln"))))
                {
                    return candidate;
                }
            }
        }

        return Path.Combine(startDirectories[0], folder);
    }
}
