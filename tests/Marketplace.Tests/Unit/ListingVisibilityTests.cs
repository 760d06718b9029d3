using Marketplace.Web.Domain;
using Marketplace.Web.Listings;

namespace Marketplace.Tests.Unit;

public sealed class ListingVisibilityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly ListingReader Stranger = new("someone", false);
    private static readonly ListingReader Office = new("coordinator", true);

    private static ListingFacts Facts(ListingStatus status, bool hidden = false, bool officeMode = false, bool byReader = false,
        bool forReadersOrganisation = false, DateTimeOffset? expiresAt = null) =>
        new(status, expiresAt ?? Now.AddDays(3), hidden, officeMode, byReader, forReadersOrganisation);

    [Theory]
    [InlineData(ListingStatus.Paused)]
    [InlineData(ListingStatus.Fulfilled)]
    [InlineData(ListingStatus.Closed)]
    [InlineData(ListingStatus.Expired)]
    public void NotPublished_IsForPosterOrganisationAndOffice_Only(ListingStatus status)
    {
        Assert.Equal(ListingSight.None, ListingVisibility.SightFor(Facts(status), ListingReader.Anonymous, Now));
        Assert.Equal(ListingSight.None, ListingVisibility.SightFor(Facts(status), Stranger, Now));
        Assert.Equal(ListingSight.Insider, ListingVisibility.SightFor(Facts(status, byReader: true), Stranger, Now));
        Assert.Equal(ListingSight.Insider, ListingVisibility.SightFor(Facts(status, forReadersOrganisation: true), Stranger, Now));
        Assert.Equal(ListingSight.Insider, ListingVisibility.SightFor(Facts(status), Office, Now));
    }

    [Fact]
    public void Published_ButRunOut_CountsAsExpired()
    {
        var runOut = Facts(ListingStatus.Published, expiresAt: Now);
        Assert.Equal(ListingSight.None, ListingVisibility.SightFor(runOut, Stranger, Now));
        Assert.Equal(ListingSight.Insider, ListingVisibility.SightFor(runOut, Office, Now));
    }

    [Fact]
    public void Published_InOfficeMode_ThePublicGetsTheSummary_WithoutPhotos()
    {
        var sight = ListingVisibility.SightFor(Facts(ListingStatus.Published, officeMode: true), ListingReader.Anonymous, Now);

        Assert.Equal(ListingSight.Summary, sight);
        Assert.False(ListingVisibility.ShowsPhotos(sight));
        Assert.Equal(ListingSight.Insider, ListingVisibility.SightFor(Facts(ListingStatus.Published, officeMode: true, forReadersOrganisation: true), Stranger, Now));
        Assert.Equal(ListingSight.Public, ListingVisibility.SightFor(Facts(ListingStatus.Published), ListingReader.Anonymous, Now));
    }

    [Fact]
    public void Hidden_IsForPosterAndOffice_NotForTheOrganisation()
    {
        Assert.Equal(ListingSight.None, ListingVisibility.SightFor(Facts(ListingStatus.Published, hidden: true, forReadersOrganisation: true), Stranger, Now));
        Assert.Equal(ListingSight.Insider, ListingVisibility.SightFor(Facts(ListingStatus.Published, hidden: true, byReader: true), Stranger, Now));
        Assert.Equal(ListingSight.Insider, ListingVisibility.SightFor(Facts(ListingStatus.Paused, hidden: true), Office, Now));
    }

    [Fact]
    public void Draft_IsForThePosterOnly()
    {
        Assert.Equal(ListingSight.None, ListingVisibility.SightFor(Facts(ListingStatus.Draft), Office, Now));
        Assert.Equal(ListingSight.None, ListingVisibility.SightFor(Facts(ListingStatus.Draft, forReadersOrganisation: true), Stranger, Now));
        Assert.Equal(ListingSight.Insider, ListingVisibility.SightFor(Facts(ListingStatus.Draft, byReader: true), Stranger, Now));
    }

    /// <summary>The list filter (LINQ, and thereby what the SQL twin must match) and the rule agree for a stranger in every state.</summary>
    [Fact]
    public void IsPublic_SelectsExactlyWhatAStrangerMaySee()
    {
        var isPublic = ListingVisibility.IsPublic(Now).Compile();
        foreach (var status in Enum.GetValues<ListingStatus>())
        {
            foreach (var hidden in new[] { false, true })
            {
                foreach (var officeMode in new[] { false, true })
                {
                    foreach (var expiresAt in new DateTimeOffset?[] { null, Now.AddMinutes(-1), Now, Now.AddMinutes(1) })
                    {
                        var listing = new Listing
                        {
                            Status = status, IsHidden = hidden, ExpiresAt = expiresAt, Title = "t", Description = "d", PosterUserId = "poster",
                        };
                        var sight = ListingVisibility.SightFor(new ListingFacts(status, expiresAt, hidden, officeMode, false, false), Stranger, Now);

                        Assert.True(isPublic(listing) == (sight != ListingSight.None), $"{status} hidden={hidden} office={officeMode} expires={expiresAt}");
                    }
                }
            }
        }
    }
}
