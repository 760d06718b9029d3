using System.Collections.Concurrent;

namespace Marketplace.Web.Gaps;

/// <summary>
/// A number per town that changes when this instance has built the town's weekly aggregates, for the keys of views
/// kept rendered from them (the office's gap page): a build here shows there at once; another instance's kept views
/// expire within their own short time.
/// </summary>
public static class GapViewVersions
{
    private static readonly ConcurrentDictionary<Guid, long> Versions = new();

    public static long Of(Guid tenantId) => Versions.GetValueOrDefault(tenantId);

    public static void Built(Guid tenantId) => Versions.AddOrUpdate(tenantId, 1, (_, version) => version + 1);
}
