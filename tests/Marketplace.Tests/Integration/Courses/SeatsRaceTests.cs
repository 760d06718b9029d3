using Marketplace.Web.Courses;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Courses;

/// <summary>
/// Seat changes at the same moment, on SQLite and (with MARKETPLACE_TEST_PG) PostgreSQL: the course's lock keeps the
/// count exact, the queue in arrival order, and one seat with one person.
/// </summary>
[Trait("Category", "Database")]
public sealed class SeatsRaceTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task FiftyEnrolmentsAtOnce_ForTenSeats_SeatExactlyTen_AndQueueFortyInArrivalOrder()
    {
        var (courseId, runId) = await app.CourseWithRunAsync(seats: 10);
        var people = await app.PeopleAsync(50);

        var results = await Task.WhenAll(people.Select(p => Task.Run(async () => (Person: p, Result: await app.EnrolAsync(runId, p)))));

        Assert.Equal(10, results.Count(r => r.Result.Outcome == SeatOutcome.Seated));
        Assert.Equal(40, results.Count(r => r.Result.Outcome == SeatOutcome.Waiting));
        Assert.Equal(10, (await app.SeatedAsync(runId)).Count);
        var queue = await app.InTownAsync(SeatsSetup.Town, db => db.WaitingListEntries.Where(e => e.CourseId == courseId && e.Status == WaitingStatus.Waiting)
            .OrderBy(e => e.Sequence).Select(e => new { e.ParticipantId, e.JoinedAt }).ToListAsync());
        Assert.Equal(40, queue.Count);
        // Arrival order is the order of the lock: the position each was told is its place in the queue.
        var told = results.Where(r => r.Result.Position is not null).ToDictionary(r => r.Person, r => r.Result.Position!.Value);
        Assert.Equal(Enumerable.Range(1, 40), queue.Select(e => told[e.ParticipantId]));
        var lastSeated = await app.InTownAsync(SeatsSetup.Town, db => db.Enrolments.Where(e => e.RunId == runId).MaxAsync(e => e.EnrolledAt));
        Assert.True(lastSeated <= queue.Min(e => e.JoinedAt));
        Assert.Empty(await app.InTownAsync(SeatsSetup.Town, db => db.SeatOffers.Where(o => o.RunId == runId).ToListAsync()));
    }

    [Fact]
    public async Task TwentyAcceptsOfOneOfferAtOnce_SeatExactlyOne()
    {
        var (_, runId) = await app.CourseWithRunAsync(seats: 1);
        var (seated, waiting) = (await app.PersonAsync(), await app.PersonAsync());
        await app.EnrolAsync(runId, seated);
        await app.EnrolAsync(runId, waiting);
        await app.SeatsAsync(async s => await s.CancelEnrolmentAsync(await app.EnrolmentOfAsync(runId, seated), byManager: true));
        var offer = await app.OpenOfferOfAsync(waiting);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => app.SeatsAsync(s => s.AcceptOfferAsync(offer)))));

        Assert.Single(results, r => r.Outcome == SeatOutcome.Seated);
        Assert.Equal(19, results.Count(r => r.Outcome == SeatOutcome.NotOpen));
        Assert.Equal([waiting], await app.SeatedAsync(runId));
    }

    [Fact]
    public async Task CancellationsDuringAnOffer_NeverLetTwoPeopleHoldOneSeat()
    {
        for (var round = 0; round < 5; round++)
        {
            var (courseId, runId) = await app.CourseWithRunAsync(seats: 2);
            var people = await app.PeopleAsync(6);
            foreach (var person in people.Take(4))
            {
                await app.EnrolAsync(runId, person);
            }

            await app.SeatsAsync(async s => await s.CancelEnrolmentAsync(await app.EnrolmentOfAsync(runId, people[0]), byManager: true));
            var offer = await app.OpenOfferOfAsync(people[2]);
            var otherSeat = await app.EnrolmentOfAsync(runId, people[1]);

            await Task.WhenAll(
                Task.Run(() => app.SeatsAsync(s => s.AcceptOfferAsync(offer))),
                Task.Run(() => app.SeatsAsync(s => s.CancelEnrolmentAsync(otherSeat, byManager: true))),
                Task.Run(() => app.SeatsAsync(s => s.DeclineOfferAsync(offer))),
                Task.Run(() => app.EnrolAsync(runId, people[4])),
                Task.Run(() => app.SeatsAsync(s => s.JoinAnyRunAsync(courseId, people[5], [], DayParts.None))));

            await AssertNoSeatHeldTwiceAsync(runId);
        }
    }

    [Fact]
    public async Task CancellingTheRunWhileTheOfferIsAccepted_LeavesNobodySeatedInACancelledRun()
    {
        var (_, runId) = await app.CourseWithRunAsync(seats: 1);
        var (seated, waiting) = (await app.PersonAsync(), await app.PersonAsync());
        await app.EnrolAsync(runId, seated);
        await app.EnrolAsync(runId, waiting);
        await app.SeatsAsync(async s => await s.CancelEnrolmentAsync(await app.EnrolmentOfAsync(runId, seated), byManager: true));
        var offer = await app.OpenOfferOfAsync(waiting);

        await Task.WhenAll(
            Task.Run(() => app.SeatsAsync(s => s.AcceptOfferAsync(offer))),
            Task.Run(() => app.SeatsAsync(s => s.CancelRunAsync(runId, "Zu wenige Anmeldungen."))));

        Assert.Empty(await app.SeatedAsync(runId));
        Assert.Equal(0, await app.InTownAsync(SeatsSetup.Town, db => db.SeatOffers.CountAsync(o => o.RunId == runId && o.Status == SeatOfferStatus.Open)));
    }

    private async Task AssertNoSeatHeldTwiceAsync(int runId)
    {
        var state = await app.InTownAsync(SeatsSetup.Town, async db => new
        {
            Max = await db.CourseRuns.Where(r => r.Id == runId).Select(r => r.MaxParticipants).SingleAsync(),
            Seated = await db.Enrolments.Where(e => e.RunId == runId && e.Status == EnrolmentStatus.Confirmed).Select(e => e.ParticipantId).ToListAsync(),
            Offered = await db.SeatOffers.Where(o => o.RunId == runId && o.Status == SeatOfferStatus.Open).Select(o => o.Entry!.ParticipantId).ToListAsync(),
            OfferedEntries = await db.WaitingListEntries.CountAsync(e => e.Status == WaitingStatus.Offered
                && db.SeatOffers.Any(o => o.WaitingListEntryId == e.Id && o.RunId == runId && o.Status == SeatOfferStatus.Open)),
        });

        Assert.True(state.Seated.Count + state.Offered.Count <= state.Max, $"{state.Seated.Count} seated + {state.Offered.Count} offered > {state.Max}");
        Assert.Equal(state.Seated.Count + state.Offered.Count, state.Seated.Concat(state.Offered).Distinct().Count());
        Assert.Equal(state.Offered.Count, state.OfferedEntries);
    }
}
