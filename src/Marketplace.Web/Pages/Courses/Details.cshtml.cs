using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Courses;

/// <summary>
/// A course with its runs and meetings, for everyone. A withdrawn course is gone from the public (404) but stays visible
/// to its managers, who may still have people in its runs.
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(AppDbContext db, CourseAccess access) : PageModel
{
    public CourseView Course { get; private set; } = null!;
    public IReadOnlyList<RunView> Runs { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await CourseView.LoadAsync(db, id, HttpContext.RequestAborted) is not { } course)
        {
            return NotFound();
        }

        CanManage = User.Identity?.IsAuthenticated == true && await access.ForCourseAsync(id, HttpContext.RequestAborted) == CourseAccessLevel.Manager;
        if (course.IsWithdrawn && !CanManage)
        {
            return NotFound();
        }

        Course = course;
        Runs = await RunView.LoadAsync(db, id, HttpContext.RequestAborted);
        return Page();
    }
}

/// <summary>What the course page shows of a course; also the Atom feed's entry.</summary>
public sealed record CourseView(
    int Id,
    string Title,
    string? Description,
    string? Provider,
    int? ProviderId,
    CourseKind Kind,
    string? Topic,
    LanguageCourseType? Type,
    CefrLevel? Level,
    int TeachingUnits,
    List<string> Languages,
    string? AccessibilityNote,
    bool ChildcareOffered,
    string? ChildcareNote,
    long FeeCents,
    string? FeeNote,
    string? ContactEmail,
    string? ContactPhone,
    bool IsWithdrawn)
{
    public static Task<CourseView?> LoadAsync(AppDbContext db, int id, CancellationToken ct) =>
        db.Courses.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CourseView(c.Id, c.Title, c.Description, c.Provider != null ? c.Provider.Name : null, c.ProviderOrganisationId, c.Kind,
                c.Topic, c.LanguageCourseType, c.TargetLevel, c.TeachingUnits, c.InstructionLanguages, c.AccessibilityNote, c.ChildcareOffered,
                c.ChildcareNote, c.FeeCents, c.FeeNote, c.ContactEmail, c.ContactPhone, c.IsWithdrawn))
            .SingleOrDefaultAsync(ct);
}

public sealed record MeetingView(int Id, DateOnly Date, TimeOnly StartsAt, TimeOnly EndsAt, int TeachingUnits);

public sealed record RunView(
    int Id,
    DateOnly StartsOn,
    DateOnly EndsOn,
    bool IsOnline,
    string? District,
    string? PlaceNote,
    int MinParticipants,
    int MaxParticipants,
    CourseRunStatus Status,
    RunOccupancy Occupancy,
    IReadOnlyList<MeetingView> Meetings)
{
    /// <summary>A course's runs with their occupancy (counted in the database) and meetings: two queries for any number of runs.</summary>
    public static async Task<IReadOnlyList<RunView>> LoadAsync(AppDbContext db, int courseId, CancellationToken ct)
    {
        var runs = db.CourseRuns.AsNoTracking().Where(r => r.CourseId == courseId);
        var rows = await runs.OrderBy(r => r.StartsOn).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.StartsOn, r.EndsOn, r.IsOnline, District = r.District != null ? r.District.Name : null, r.PlaceNote,
                r.MinParticipants, r.MaxParticipants, r.Status,
                Seated = db.Enrolments.Count(e => e.RunId == r.Id && RunOccupancyQueries.SeatHolding.Contains(e.Status)),
                OpenOffers = db.SeatOffers.Count(o => o.RunId == r.Id && o.Status == SeatOfferStatus.Open),
                Waiting = db.WaitingListEntries.Count(w => w.RunId == r.Id && (w.Status == WaitingStatus.Waiting || w.Status == WaitingStatus.Offered)),
            })
            .ToListAsync(ct);
        var meetings = (await db.CourseMeetings.AsNoTracking().Where(m => runs.Any(r => r.Id == m.RunId))
                .OrderBy(m => m.Date).ThenBy(m => m.StartsAt)
                .Select(m => new { m.RunId, View = new MeetingView(m.Id, m.Date, m.StartsAt, m.EndsAt, m.TeachingUnits) })
                .ToListAsync(ct))
            .ToLookup(m => m.RunId, m => m.View);
        return rows.Select(r => new RunView(r.Id, r.StartsOn, r.EndsOn, r.IsOnline, r.District, r.PlaceNote, r.MinParticipants, r.MaxParticipants,
            r.Status, new RunOccupancy(r.Id, r.MaxParticipants, r.Seated, r.OpenOffers, r.Waiting), meetings[r.Id].ToList())).ToList();
    }
}
