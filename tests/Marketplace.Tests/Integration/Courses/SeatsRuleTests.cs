using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Courses;
using Marketplace.Web.Domain;
using Marketplace.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Courses;

/// <summary>The seat rules: seats while free, a queue nobody overtakes, offers that pass on, any-run filters, deadlines, capacity, cancelling.</summary>
[Trait("Category", "Database")]
public sealed class SeatsRuleTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task SeatsWhileFree_ThenTheWaitingListInArrivalOrder_AndAskingTwiceGivesAnAnswerNotARow()
    {
        var (courseId, runId) = await app.CourseWithRunAsync(seats: 2);
        var people = await app.PeopleAsync(4);

        var results = new List<SeatResult>();
        foreach (var person in people)
        {
            results.Add(await app.EnrolAsync(runId, person));
        }

        Assert.Equal([SeatOutcome.Seated, SeatOutcome.Seated, SeatOutcome.Waiting, SeatOutcome.Waiting], results.Select(r => r.Outcome));
        Assert.Equal([null, null, 1, 2], results.Select(r => r.Position));
        Assert.Equal(SeatOutcome.AlreadySeated, (await app.EnrolAsync(runId, people[0])).Outcome);
        Assert.Equal(new SeatResult(SeatOutcome.AlreadyWaiting, 2), await app.EnrolAsync(runId, people[3]));
        Assert.Equal(2, (await app.SeatedAsync(runId)).Count);
        Assert.Equal(2, await app.InTownAsync(SeatsSetup.Town, db => db.WaitingListEntries.CountAsync(e => e.CourseId == courseId)));
    }

    [Fact]
    public async Task AFreedSeat_IsOfferedToTheHead_ANewcomerNeverOvertakes_AndADeclinePassesItOn()
    {
        var (courseId, runId) = await app.CourseWithRunAsync(seats: 1);
        var (first, second, third, newcomer) = (await app.PersonAsync(), await app.PersonAsync(), await app.PersonAsync(), await app.PersonAsync());
        await app.EnrolAsync(runId, first);
        await app.EnrolAsync(runId, second);
        await app.EnrolAsync(runId, third);

        Assert.Equal(SeatOutcome.Done, (await app.SeatsAsync(async s => await s.CancelEnrolmentAsync(await app.EnrolmentOfAsync(runId, first), byManager: true))).Outcome);
        var offer = await app.OpenOfferOfAsync(second);
        Assert.Equal(SeatOutcome.Waiting, (await app.EnrolAsync(runId, newcomer)).Outcome);
        Assert.Empty(await app.SeatedAsync(runId));

        Assert.Equal(SeatOutcome.Done, (await app.SeatsAsync(s => s.DeclineOfferAsync(offer))).Outcome);
        Assert.Equal(WaitingStatus.Left, await app.EntryStatusAsync(courseId, second));
        var next = await app.OpenOfferOfAsync(third);
        Assert.Equal(SeatOutcome.Seated, (await app.SeatsAsync(s => s.AcceptOfferAsync(next))).Outcome);
        Assert.Equal([third], await app.SeatedAsync(runId));
        Assert.Equal(WaitingStatus.Seated, await app.EntryStatusAsync(courseId, third));
        Assert.Equal(SeatOutcome.NotOpen, (await app.SeatsAsync(s => s.AcceptOfferAsync(next))).Outcome);
        Assert.Equal(WaitingStatus.Waiting, await app.EntryStatusAsync(courseId, newcomer));
    }

    [Fact]
    public async Task AnExpiredOffer_PassesTheSeatToTheNext_ByTheJob()
    {
        var (courseId, runId) = await app.CourseWithRunAsync(seats: 1);
        var (first, second, third) = (await app.PersonAsync(), await app.PersonAsync(), await app.PersonAsync());
        foreach (var person in new[] { first, second, third })
        {
            await app.EnrolAsync(runId, person);
        }

        var enrolment = await app.EnrolmentOfAsync(runId, first);
        await app.SeatsAsync(s => s.RemoveNoShowAsync(enrolment));
        var offer = await app.OpenOfferOfAsync(second);
        await app.InTownAsync(SeatsSetup.Town, db => db.SeatOffers.Where(o => o.Id == offer)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        await using (var scope = await app.TownScopeAsync(SeatsSetup.Town))
        {
            var job = scope.ServiceProvider.GetRequiredService<ExpireSeatOffersJob>();
            Assert.True(await job.RunForTownAsync(await app.TownIdAsync(SeatsSetup.Town)) >= 1);
        }

        Assert.Equal(WaitingStatus.Expired, await app.EntryStatusAsync(courseId, second));
        Assert.Equal(SeatOutcome.Seated, (await app.SeatsAsync(async s => await s.AcceptOfferAsync(await app.OpenOfferOfAsync(third)))).Outcome);
        Assert.Equal(SeatOutcome.NotOpen, (await app.SeatsAsync(s => s.AcceptOfferAsync(offer))).Outcome);
        Assert.Equal(EnrolmentStatus.Removed, await app.InTownAsync(SeatsSetup.Town, db => db.Enrolments.Where(e => e.Id == enrolment).Select(e => e.Status).SingleAsync()));
    }

    [Fact]
    public async Task AnyRunEntries_AreOfferedOnlyRunsThatFitTheirDistrictsAndDayParts()
    {
        var districts = await app.DistrictsAsync();
        var (courseId, eveningRun) = await app.CourseWithRunAsync(seats: 1);
        var morningRun = await app.AddRunAsync(courseId, seats: 1, districts[1], DayParts.Morning);
        var (a, b) = (await app.PersonAsync(), await app.PersonAsync());
        await app.EnrolAsync(eveningRun, a);
        await app.EnrolAsync(morningRun, b);
        var (wantsSecondDistrict, wantsEvenings) = (await app.PersonAsync(), await app.PersonAsync());

        Assert.Equal(new SeatResult(SeatOutcome.Waiting, 1), await app.SeatsAsync(s => s.JoinAnyRunAsync(courseId, wantsSecondDistrict, [districts[1]], DayParts.None)));
        Assert.Equal(new SeatResult(SeatOutcome.Waiting, 2), await app.SeatsAsync(s => s.JoinAnyRunAsync(courseId, wantsEvenings, [], DayParts.Evening)));
        Assert.Equal(SeatOutcome.AlreadyWaiting, (await app.SeatsAsync(s => s.JoinAnyRunAsync(courseId, wantsEvenings, [], DayParts.None))).Outcome);

        await app.SeatsAsync(async s => await s.CancelEnrolmentAsync(await app.EnrolmentOfAsync(eveningRun, a), byManager: true));
        Assert.Equal(WaitingStatus.Waiting, await app.EntryStatusAsync(courseId, wantsSecondDistrict));
        Assert.Equal(SeatOutcome.Seated, (await app.SeatsAsync(async s => await s.AcceptOfferAsync(await app.OpenOfferOfAsync(wantsEvenings)))).Outcome);
        Assert.Equal([wantsEvenings], await app.SeatedAsync(eveningRun));

        await app.SeatsAsync(async s => await s.CancelEnrolmentAsync(await app.EnrolmentOfAsync(morningRun, b), byManager: true));
        Assert.Equal(SeatOutcome.Seated, (await app.SeatsAsync(async s => await s.AcceptOfferAsync(await app.OpenOfferOfAsync(wantsSecondDistrict)))).Outcome);
        Assert.Equal([wantsSecondDistrict], await app.SeatedAsync(morningRun));
    }

    [Fact]
    public async Task LeavingASeat_IsSelfServiceOnlyUpToTheDeadline_AManagerMayAnyTime()
    {
        var (_, soon) = await app.CourseWithRunAsync(seats: 2, startsInDays: 1, leaveDeadlineDays: 2);
        var (_, later) = await app.CourseWithRunAsync(seats: 2, startsInDays: 10, leaveDeadlineDays: 2);
        var person = await app.PersonAsync();
        await app.EnrolAsync(soon, person);
        await app.EnrolAsync(later, person);

        var tooLate = await app.EnrolmentOfAsync(soon, person);
        Assert.Equal(SeatOutcome.TooLate, (await app.SeatsAsync(s => s.CancelEnrolmentAsync(tooLate, byManager: false, person))).Outcome);
        Assert.Equal(SeatOutcome.NotOpen, (await app.SeatsAsync(s => s.CancelEnrolmentAsync(tooLate, byManager: false, person + 1_000_000))).Outcome);
        Assert.Equal(SeatOutcome.Done, (await app.SeatsAsync(s => s.CancelEnrolmentAsync(tooLate, byManager: true))).Outcome);
        Assert.Equal(SeatOutcome.Done, (await app.SeatsAsync(async s => await s.CancelEnrolmentAsync(await app.EnrolmentOfAsync(later, person), byManager: false, person))).Outcome);
    }

    [Fact]
    public async Task RaisingTheCapacity_OffersTheNewSeats_AndItCannotGoBelowTheSeatsTakenAndHeld()
    {
        var (_, runId) = await app.CourseWithRunAsync(seats: 1);
        var (a, b, c, d) = (await app.PersonAsync(), await app.PersonAsync(), await app.PersonAsync(), await app.PersonAsync());
        foreach (var person in new[] { a, b, c, d })
        {
            await app.EnrolAsync(runId, person);
        }

        Assert.Equal(SeatOutcome.Done, (await app.SeatsAsync(s => s.ChangeCapacityAsync(runId, 3))).Outcome);
        await app.OpenOfferOfAsync(b);
        await app.OpenOfferOfAsync(c);
        Assert.Equal(WaitingStatus.Waiting, await app.EntryStatusAsync(await app.InTownAsync(SeatsSetup.Town, db => db.CourseRuns.Where(r => r.Id == runId).Select(r => r.CourseId).SingleAsync()), d));
        Assert.Equal(SeatOutcome.BelowTaken, (await app.SeatsAsync(s => s.ChangeCapacityAsync(runId, 2))).Outcome);
        Assert.Equal(3, await app.InTownAsync(SeatsSetup.Town, db => db.CourseRuns.Where(r => r.Id == runId).Select(r => r.MaxParticipants).SingleAsync()));
    }

    [Fact]
    public async Task CancellingARun_EndsSeatsAndItsList_WithdrawsOffers_MailsEveryone_AndKeepsAnyRunEntries()
    {
        var (courseId, runId) = await app.CourseWithRunAsync(seats: 1);
        var seatedMember = await app.NewMemberAsync(SeatsSetup.Town, "sc", culture: "en");
        var waitingMember = await app.NewMemberAsync(SeatsSetup.Town, "sw", culture: "de");
        var (seated, waiting, anyRun) = (await app.MemberParticipantAsync(seatedMember, "en"), await app.MemberParticipantAsync(waitingMember, "uk"), await app.PersonAsync());
        await app.EnrolAsync(runId, seated);
        await app.EnrolAsync(runId, waiting);
        await app.SeatsAsync(s => s.JoinAnyRunAsync(courseId, anyRun, [], DayParts.None));

        Assert.Equal(SeatOutcome.Done, (await app.SeatsAsync(s => s.CancelRunAsync(runId, "Die Kursleitung ist erkrankt."))).Outcome);

        Assert.Empty(await app.SeatedAsync(runId));
        Assert.Equal(WaitingStatus.Cancelled, await app.EntryStatusAsync(courseId, waiting));
        Assert.Equal(WaitingStatus.Waiting, await app.EntryStatusAsync(courseId, anyRun));
        Assert.Equal(SeatOutcome.NotOpen, (await app.EnrolAsync(runId, await app.PersonAsync())).Outcome);
        var toSeated = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(seatedMember), m => m.Subject?.StartsWith("Cancelled", StringComparison.Ordinal) == true);
        Assert.Contains("Die Kursleitung ist erkrankt.", toSeated.TextBody);
        var toWaiting = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(waitingMember), m => m.Subject?.StartsWith("Скасовано", StringComparison.Ordinal) == true);
        Assert.Contains("/courses/" + courseId, toWaiting.TextBody);
    }

    [Fact]
    public async Task TheOfferJob_RunsEveryQuarterHour_AndFansOutOneJobPerTown()
    {
        Assert.Equal("*/15 * * * *", ExpireSeatOffersJob.Schedule);
        var client = new RecordingJobClient();
        await using var scope = app.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<ExpireSeatOffersJob>(scope.ServiceProvider, (IBackgroundJobClient)client);

        await job.RunAsync();

        Assert.Equal(await app.InTownAsync(null, db => db.Tenants.CountAsync()), client.Jobs.Count);
        Assert.All(client.Jobs, j => Assert.Equal(nameof(ExpireSeatOffersJob.RunForTownAsync), j.Method.Name));
    }

    private sealed class RecordingJobClient : IBackgroundJobClient
    {
        public List<Job> Jobs { get; } = [];

        public string Create(Job job, IState state)
        {
            Jobs.Add(job);
            return Jobs.Count.ToString(CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
