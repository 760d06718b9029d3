using Marketplace.Web.Domain;

namespace Marketplace.Tests.Unit;

public sealed class SelfDecisionTests
{
    [Fact]
    public void TheSubmitter_DecidesOnTheirOwnSubmission() =>
        Assert.True(SelfDecision.IsOwn("coordinator", ["volunteer", "coordinator"]));

    [Fact]
    public void SomeoneElse_DoesNot() =>
        Assert.False(SelfDecision.IsOwn("coordinator", ["volunteer", null]));

    [Fact]
    public void AnUnknownSubmitter_IsNobody() =>
        Assert.False(SelfDecision.IsOwn("coordinator", [null]));
}
