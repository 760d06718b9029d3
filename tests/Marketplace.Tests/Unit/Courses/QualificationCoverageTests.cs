using Marketplace.Web.Courses;

namespace Marketplace.Tests.Unit.Courses;

public sealed class QualificationCoverageTests
{
    private static readonly DateOnly Day = new(2027, 3, 1);
    private static readonly Dictionary<int, List<int>> Includes = new() { [1] = [], [2] = [1], [3] = [2] };

    [Fact]
    public void AGrantCoversWhatItIncludes_Transitively()
    {
        var held = new[] { new HeldGrant(3, Day.AddYears(-1), null) };

        Assert.Empty(QualificationCoverage.Shortfalls([1, 2, 3], held, Includes, Day, Day.AddDays(5)));
    }

    [Fact]
    public void AGrantThatLapsesInsideTheWindow_IsAShortfall_NamingTheDate()
    {
        var held = new[] { new HeldGrant(1, Day.AddYears(-1), Day.AddDays(2)) };

        var shortfall = Assert.Single(QualificationCoverage.Shortfalls([1], held, Includes, Day, Day.AddDays(5)));
        Assert.Equal(Day.AddDays(2), shortfall.LapsesOn);
        Assert.Empty(QualificationCoverage.Shortfalls([1], held, Includes, Day, Day.AddDays(2)));
    }

    [Fact]
    public void NoGrant_OrOneStartingAfterTheTask_IsMissing()
    {
        Assert.True(Assert.Single(QualificationCoverage.Shortfalls([1], [], Includes, Day, Day)).Missing);
        Assert.True(Assert.Single(QualificationCoverage.Shortfalls([1], [new HeldGrant(1, Day.AddDays(1), null)], Includes, Day, Day)).Missing);
    }

    [Fact]
    public void ALowerQualificationDoesNotCoverAHigherOne()
    {
        Assert.Single(QualificationCoverage.Shortfalls([3], [new HeldGrant(1, Day.AddYears(-1), null)], Includes, Day, Day));
    }

    [Fact]
    public void ACycle_IsFound_AndDoesNotLoop()
    {
        Assert.True(QualificationCoverage.MakesCycle(1, [3], Includes));
        Assert.False(QualificationCoverage.MakesCycle(3, [1], Includes));
        var cyclic = new Dictionary<int, List<int>> { [1] = [2], [2] = [1] };
        Assert.Empty(QualificationCoverage.Shortfalls([2], [new HeldGrant(1, Day, null)], cyclic, Day, Day));
    }

    [Fact]
    public void LapsingSoon_NamesGrantsEndingWithinTheDaysAfterTheTask()
    {
        var held = new[] { new HeldGrant(1, Day.AddYears(-1), Day.AddDays(20)) };

        Assert.Single(QualificationCoverage.LapsingSoon([1], held, Includes, Day, Day, 42));
        Assert.Empty(QualificationCoverage.LapsingSoon([1], held, Includes, Day, Day, 10));
    }
}
