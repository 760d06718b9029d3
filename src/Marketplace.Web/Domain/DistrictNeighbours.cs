namespace Marketplace.Web.Domain;

/// <summary>
/// Neighbourhood of districts is symmetric: when A lists B as neighbour, B lists A. These rules say which districts'
/// neighbour lists change, and to what, when one district's neighbours are chosen or a district is removed, so the
/// relation stays symmetric. Renaming changes no ids and so no neighbours. The input is the town: every district's id
/// with its current neighbour ids; the result holds only the lists that change, each in id order.
/// </summary>
public static class DistrictNeighbours
{
    /// <summary>
    /// <paramref name="districtId"/> gets exactly <paramref name="selection"/> as neighbours: each chosen district gets
    /// it back, each one no longer chosen loses it. A district is never its own neighbour: it is dropped from the
    /// selection. Null (nothing changes) when the district or a chosen one is not one of the town's.
    /// </summary>
    public static IReadOnlyDictionary<int, List<int>>? Choose(IReadOnlyDictionary<int, IReadOnlyCollection<int>> town, int districtId,
        IEnumerable<int> selection)
    {
        var chosen = selection.Where(n => n != districtId).ToHashSet();
        if (!town.TryGetValue(districtId, out var current) || !chosen.All(town.ContainsKey))
        {
            return null;
        }

        var changes = new Dictionary<int, List<int>>();
        if (!chosen.SetEquals(current))
        {
            changes[districtId] = chosen.Order().ToList();
        }

        foreach (var (otherId, neighbours) in town.Where(d => d.Key != districtId))
        {
            var has = neighbours.Contains(districtId);
            if (chosen.Contains(otherId) && !has)
            {
                changes[otherId] = neighbours.Append(districtId).Order().ToList();
            }
            else if (!chosen.Contains(otherId) && has)
            {
                changes[otherId] = neighbours.Where(n => n != districtId).ToList();
            }
        }

        return changes;
    }

    /// <summary><paramref name="districtId"/> is removed: nobody stays next to a district that no longer exists.</summary>
    public static IReadOnlyDictionary<int, List<int>> Remove(IReadOnlyDictionary<int, IReadOnlyCollection<int>> town, int districtId) =>
        town.Where(d => d.Key != districtId && d.Value.Contains(districtId))
            .ToDictionary(d => d.Key, d => d.Value.Where(n => n != districtId).ToList());
}
