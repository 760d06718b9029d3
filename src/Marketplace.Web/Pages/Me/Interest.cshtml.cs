using System.Globalization;
using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Pages.Coordination.Courses;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Me;

/// <summary>
/// A member's own entries in the language-course interest register: register interest (the office refers, providers
/// keep no lists of their own) and withdraw it. Only the member's own entries are read or changed.
/// </summary>
public sealed class InterestModel(AppDbContext db, CurrentMember member, LanguageCourseDemand demand, CourseParticipants participants,
    TownClock townClock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InterestFormInput Input { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];
    public bool Failed { get; private set; }

    public sealed record Row(int Id, LanguageCourseType CourseType, int? DistrictId, DayParts DayParts, DateOnly Since, InterestStatus Status);

    public string DistrictName(int? id) => Districts.FirstOrDefault(d => d.Id == id).Name ?? "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await member.CanParticipateAsync())
        {
            return Forbid();
        }

        ModelState.Clear();
        var input = await Input.CheckAsync(ModelState, db, townClock.Today(), l);
        if (input is null)
        {
            Failed = true;
            await LoadAsync();
            return this.InvalidForm();
        }

        var participant = await participants.ForMemberAsync(member.UserId!, CultureInfo.CurrentUICulture.Name);
        await demand.RecordAsync(participant.Id, input, member.UserId!);
        TempData[HtmxResults.StatusKey] = l["Quals_Interest_OwnRecorded"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id)
    {
        var participant = await OwnParticipantAsync();
        var outcome = participant is null ? InterestOutcome.NotFound : await demand.MoveAsync(id, InterestStatus.Withdrawn, member.UserId!, participant);
        if (outcome == InterestOutcome.NotFound)
        {
            return NotFound();
        }

        TempData[HtmxResults.StatusKey] = l[outcome == InterestOutcome.Done ? "Quals_Interest_OwnWithdrawn" : "Quals_Interest_StepNotAllowed"].Value;
        return RedirectToPage();
    }

    private Task<int?> OwnParticipantAsync() =>
        db.CourseParticipants.Where(p => p.UserId == member.UserId).Select(p => (int?)p.Id).SingleOrDefaultAsync();

    private async Task LoadAsync()
    {
        Districts = (await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync())
            .Select(d => (d.Id, d.Name)).ToList();
        var own = await OwnParticipantAsync();
        Rows = own is null
            ? []
            : await db.LanguageCourseInterests.AsNoTracking().Where(i => i.ParticipantId == own).OrderByDescending(i => i.CreatedAt)
                .Select(i => new Row(i.Id, i.CourseType, i.DistrictId, i.DayParts, i.Since, i.Status)).ToListAsync();
    }
}
