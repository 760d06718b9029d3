using Marketplace.Web.Domain;

namespace Marketplace.Tests.Unit.Town;

/// <summary>District neighbours stay symmetric when the town admin chooses them and when a district is removed.</summary>
public sealed class DistrictNeighbourTests
{
    private const int A = 1;
    private const int B = 2;
    private const int C = 3;
    private const int D = 4;

    /// <summary>A town of four districts with the given neighbour lists (the rest have none).</summary>
    private static Dictionary<int, IReadOnlyCollection<int>> Town(params (int Id, int[] Neighbours)[] lists)
    {
        var town = new Dictionary<int, IReadOnlyCollection<int>> { [A] = [], [B] = [], [C] = [], [D] = [] };
        foreach (var (id, neighbours) in lists)
        {
            town[id] = neighbours;
        }

        return town;
    }

    /// <summary>The town after the changes: unchanged districts keep their lists.</summary>
    private static Dictionary<int, IReadOnlyCollection<int>> Applied(Dictionary<int, IReadOnlyCollection<int>> town, IReadOnlyDictionary<int, List<int>> changes) =>
        town.ToDictionary(d => d.Key, d => changes.TryGetValue(d.Key, out var list) ? (IReadOnlyCollection<int>)list : d.Value);

    private static void AssertSymmetric(Dictionary<int, IReadOnlyCollection<int>> town)
    {
        foreach (var (id, neighbours) in town)
        {
            Assert.DoesNotContain(id, neighbours);
            Assert.All(neighbours, n => Assert.Contains(id, town[n]));
        }
    }

    private static Dictionary<int, IReadOnlyCollection<int>> Choose(Dictionary<int, IReadOnlyCollection<int>> town, int id, params int[] selection) =>
        Applied(town, DistrictNeighbours.Choose(town, id, selection) ?? throw new InvalidOperationException("Refused."));

    [Fact]
    public void ChosenNeighbours_GetTheDistrictBack()
    {
        var town = Town();

        var changes = DistrictNeighbours.Choose(town, A, [C, B]);

        Assert.NotNull(changes);
        Assert.Equal([B, C], changes[A]);
        Assert.Equal([A], changes[B]);
        Assert.Equal([A], changes[C]);
        Assert.False(changes.ContainsKey(D));
        AssertSymmetric(Applied(town, changes));
    }

    [Fact]
    public void UntickedNeighbour_LosesTheDistrict_OthersKeepTheirs()
    {
        var town = Choose(Choose(Town(), A, B, C), D, C);

        var after = Choose(town, A, B);

        Assert.Equal([B], after[A]);
        Assert.Equal([A], after[B]);
        Assert.Equal([D], after[C]);
        Assert.Equal([C], after[D]);
        AssertSymmetric(after);
    }

    [Fact]
    public void EmptySelection_RemovesTheDistrictFromEveryNeighbour()
    {
        var town = Choose(Choose(Town(), A, B, C), B, A, D);

        var after = Choose(town, B);

        Assert.Empty(after[B]);
        Assert.Equal([C], after[A]);
        Assert.Empty(after[D]);
        AssertSymmetric(after);
    }

    [Fact]
    public void TheDistrictItself_IsNeverItsOwnNeighbour()
    {
        var town = Town();

        var changes = DistrictNeighbours.Choose(town, A, [A, B]);

        Assert.NotNull(changes);
        Assert.Equal([B], changes[A]);
        Assert.Equal([A], changes[B]);
        AssertSymmetric(Applied(town, changes));
    }

    [Fact]
    public void OnlyItself_LeavesNoNeighbours()
    {
        var changes = DistrictNeighbours.Choose(Town(), A, [A]);

        Assert.NotNull(changes);
        Assert.Empty(changes);
    }

    [Fact]
    public void SameSelectionAgain_ChangesNothing()
    {
        var town = Choose(Town(), A, B, C);

        Assert.Empty(DistrictNeighbours.Choose(town, A, [C, B, B])!);
    }

    [Theory]
    [InlineData(A, 99)]
    [InlineData(99, B)]
    public void UnknownDistrict_IsRefused(int id, int neighbour) =>
        Assert.Null(DistrictNeighbours.Choose(Town(), id, [B, neighbour]));

    [Fact]
    public void OneSidedList_IsMadeSymmetricForTheChosenDistrict()
    {
        // B lists A but A does not list B (e.g. data from before the rule); choosing A's neighbours settles the pair.
        var town = Town((B, [A]), (C, [A]));

        var after = Choose(town, A, B);

        Assert.Equal([B], after[A]);
        Assert.Equal([A], after[B]);
        Assert.Empty(after[C]);
        AssertSymmetric(after);
    }

    [Fact]
    public void RemovedDistrict_DisappearsFromEveryList()
    {
        var town = Choose(Choose(Town(), A, B, C), B, A, D);

        var changes = DistrictNeighbours.Remove(town, A);

        Assert.Equal([B, C], changes.Keys.Order());
        Assert.Equal([D], changes[B]);
        Assert.Empty(changes[C]);
        var after = Applied(town, changes);
        after.Remove(A);
        AssertSymmetric(after);
    }

    [Fact]
    public void RemovingADistrictWithoutNeighbours_ChangesNothing() =>
        Assert.Empty(DistrictNeighbours.Remove(Choose(Town(), A, B), C));
}
