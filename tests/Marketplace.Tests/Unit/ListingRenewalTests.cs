using Marketplace.Web.Domain;

namespace Marketplace.Tests.Unit;

/// <summary>Renewing adds one run length to the listing's end, from today once it has ended, and is offered while at most one run length remains.</summary>
public sealed class ListingRenewalTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
    private const int RunDays = 28;

    private static Listing Published(DateTimeOffset? expiresAt, ListingStatus status = ListingStatus.Published) =>
        new() { Title = "t", Description = "d", PosterUserId = "u", Status = status, PublishedAt = Now.AddDays(-1), ExpiresAt = expiresAt };

    [Fact]
    public void ARunningListing_RunsOneRunLengthLongerThanItsEnd()
    {
        var listing = Published(Now.AddDays(27));

        Assert.True(ListingLifecycle.Apply(listing, ListingAction.Renew, Now, RunDays));

        Assert.Equal(Now.AddDays(27 + RunDays), listing.ExpiresAt);
    }

    [Fact]
    public void AnExpiredListing_RunsOneRunLengthFromNow()
    {
        var listing = Published(Now.AddDays(-3));

        Assert.True(ListingLifecycle.Apply(listing, ListingAction.Renew, Now, RunDays));

        Assert.Equal(ListingStatus.Published, listing.Status);
        Assert.Equal(Now.AddDays(RunDays), listing.ExpiresAt);
    }

    [Fact]
    public void APausedListing_IsPublishedAgain_WithItsEndMoved()
    {
        var listing = Published(Now.AddDays(10), ListingStatus.Paused);

        Assert.True(ListingLifecycle.Apply(listing, ListingAction.Renew, Now, RunDays));

        Assert.Equal(ListingStatus.Published, listing.Status);
        Assert.Equal(Now.AddDays(10 + RunDays), listing.ExpiresAt);
    }

    [Fact]
    public void AListingWithMoreThanOneRunLengthLeft_IsNotRenewedAgain()
    {
        var listing = Published(Now.AddDays(RunDays + 1));

        Assert.False(ListingLifecycle.IsOffered(ListingAction.Renew, listing.Status, listing.ExpiresAt, Now, RunDays));
        Assert.False(ListingLifecycle.Apply(listing, ListingAction.Renew, Now, RunDays));
        Assert.Equal(Now.AddDays(RunDays + 1), listing.ExpiresAt);
    }

    [Theory]
    [InlineData(ListingAction.Publish, true)]
    [InlineData(ListingAction.Resume, true)]
    [InlineData(ListingAction.Renew, true)]
    [InlineData(ListingAction.Pause, false)]
    [InlineData(ListingAction.Fulfil, false)]
    [InlineData(ListingAction.Close, false)]
    public void OnlyActionsThatShowTheListing_NeedTheRightToParticipate(ListingAction action, bool showsIt) =>
        Assert.Equal(showsIt, ListingLifecycle.MakesVisible(action));
}
