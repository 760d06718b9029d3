using System.Globalization;
using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination.Courses;

/// <summary>The interest fields as a form posts them (Input.*); checked by <see cref="Check"/>, shared by the office's page and the member's.</summary>
public sealed class InterestFormInput
{
    public LanguageCourseType? CourseType { get; set; }
    public CefrLevel? CurrentLevel { get; set; }
    public bool LevelAssessed { get; set; }
    public int? DistrictId { get; set; }
    public List<DayParts> DayParts { get; set; } = [];
    public bool ChildcareNeeded { get; set; }
    public DateOnly? Since { get; set; }
    public string? Note { get; set; }

    /// <summary>Adds messages at the fields; returns the input to record when all is well.</summary>
    public async Task<InterestInput?> CheckAsync(ModelStateDictionary state, AppDbContext db, DateOnly today, IStringLocalizer l)
    {
        // A value the binder could not read (an unknown type, a bad date) is already an error at its field.
        if (CourseType is not { } type || !Enum.IsDefined(type))
        {
            state.AddModelError("Input.CourseType", l["Validation_Required", l["Quals_Interest_Field_Type"]]);
        }

        if (CurrentLevel is { } level && !Enum.IsDefined(level))
        {
            state.AddModelError("Input.CurrentLevel", l["Validation_Invalid"]);
        }

        if (DistrictId is { } district && !await db.Districts.AnyAsync(d => d.Id == district))
        {
            state.AddModelError("Input.DistrictId", l["Validation_Invalid"]);
        }

        if (Since is { } since && since > today)
        {
            state.AddModelError("Input.Since", l["Quals_Interest_SinceInFuture"]);
        }

        if (Note is { Length: > LanguageCourseInterest.NoteMaxLength })
        {
            state.AddModelError("Input.Note", l["Validation_MaxLength", l["Quals_Interest_Field_Note"], LanguageCourseInterest.NoteMaxLength]);
        }

        var parts = DayParts.Where(p => p is Domain.DayParts.Morning or Domain.DayParts.Afternoon or Domain.DayParts.Evening or Domain.DayParts.Weekend)
            .Aggregate(Domain.DayParts.None, (all, p) => all | p);
        return state.IsValid
            ? new InterestInput(CourseType!.Value, CurrentLevel, LevelAssessed && CurrentLevel is not null, DistrictId, parts, ChildcareNeeded, Since ?? today, Note)
            : null;
    }
}

/// <summary>The interest fields partial's model: the form's values, the town's districts, an id prefix, whether to show messages.</summary>
public sealed record InterestFieldsView(InterestFormInput Input, IReadOnlyList<(int Id, string Name)> Districts, string Prefix, bool ShowErrors);

/// <summary>
/// The office's central interest register for language courses: demand by type × district × day part with childcare need
/// and group size, the entries with referral to a provider's planned run and the steps after it, and recording interest
/// for a member (user name) or a person without account (reference code, or a new person through CourseParticipants).
/// </summary>
public sealed class InterestModel(AppDbContext db, CurrentMember member, LanguageCourseDemand demand, CourseParticipants participants,
    TownClock townClock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int RowsShown = 300;

    [BindProperty(SupportsGet = true)]
    public InterestStatus Status { get; set; } = InterestStatus.Open;

    [BindProperty(SupportsGet = true)]
    public LanguageCourseType? Type { get; set; }

    [BindProperty]
    public InterestFormInput Input { get; set; } = new();

    [BindProperty]
    public PersonInput Person { get; set; } = new();

    public sealed class PersonInput
    {
        public string? UserName { get; set; }
        public string? ReferenceCode { get; set; }
        public string? Name { get; set; }
        public string? Contact { get; set; }
        public string? Culture { get; set; }
    }

    public IReadOnlyList<DemandRow> Demand { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];
    public IReadOnlyList<RunOption> Runs { get; private set; } = [];
    public bool RecordFailed { get; private set; }

    public sealed record Row(int Id, string Person, string? ReferenceCode, LanguageCourseType CourseType, CefrLevel? Level, bool Assessed, int? DistrictId,
        DayParts DayParts, bool Childcare, DateOnly Since, InterestStatus Status, int? RunId);

    public sealed record RunOption(int Id, LanguageCourseType Type, string Title, DateOnly StartsOn, int? DistrictId);

    public string DistrictName(int? id) => Districts.FirstOrDefault(d => d.Id == id).Name ?? "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRecordAsync()
    {
        ModelState.Clear();
        var input = await Input.CheckAsync(ModelState, db, townClock.Today(), l);
        var participant = await PersonAsync();
        if (input is null || participant is null)
        {
            RecordFailed = true;
            await LoadAsync();
            return this.InvalidForm();
        }

        await demand.RecordAsync(participant.Id, input, member.UserId!);
        TempData[HtmxResults.StatusKey] = l["Quals_Interest_Recorded"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReferAsync(int id, int? run)
    {
        var outcome = run is { } runId ? await demand.ReferAsync(id, runId, member.UserId!) : InterestOutcome.RunDoesNotFit;
        return await AfterAsync(outcome);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, InterestStatus to) => await AfterAsync(await demand.MoveAsync(id, to, member.UserId!));

    private async Task<IActionResult> AfterAsync(InterestOutcome outcome)
    {
        switch (outcome)
        {
            case InterestOutcome.NotFound:
                return NotFound();
            case InterestOutcome.Done:
                TempData[HtmxResults.StatusKey] = l["Quals_Interest_Changed"].Value;
                return RedirectToPage(new { status = Status, type = Type });
        }

        ModelState.AddModelError("", l[outcome == InterestOutcome.RunDoesNotFit ? "Quals_Interest_RunDoesNotFit" : "Quals_Interest_StepNotAllowed"]);
        await LoadAsync();
        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }

    /// <summary>The person of the record form: a member by user name, a reference code, or a new person without account.</summary>
    private async Task<CourseParticipant?> PersonAsync()
    {
        var userName = Person.UserName?.Trim();
        var code = Person.ReferenceCode?.Trim();
        var name = Person.Name?.Trim();
        var given = new[] { userName, code, name }.Count(v => !string.IsNullOrEmpty(v));
        if (given != 1)
        {
            ModelState.AddModelError("Person.UserName", l["Quals_Interest_OnePerson"]);
            return null;
        }

        if (!string.IsNullOrEmpty(userName))
        {
            var userId = await db.Memberships.Where(m => m.User!.UserName == userName).Select(m => new { m.UserId, m.User!.PreferredCulture }).SingleOrDefaultAsync();
            if (userId is null)
            {
                ModelState.AddModelError("Person.UserName", l["Quals_MemberUnknown"]);
                return null;
            }

            return ModelState.IsValid ? await participants.ForMemberAsync(userId.UserId, userId.PreferredCulture ?? CultureInfo.CurrentUICulture.Name) : null;
        }

        if (!string.IsNullOrEmpty(code))
        {
            if (!ModelState.IsValid)
            {
                return null;
            }

            var known = await participants.ForReferenceCodeAsync(code, member.UserId!);
            if (known is null)
            {
                ModelState.AddModelError("Person.ReferenceCode", l["Quals_Interest_CodeUnknown"]);
            }

            return known;
        }

        if (name!.Length > CourseParticipant.NameMaxLength)
        {
            ModelState.AddModelError("Person.Name", l["Validation_MaxLength", l["Quals_Interest_Field_Name"], CourseParticipant.NameMaxLength]);
        }

        if (Person.Contact?.Trim() is { Length: > CourseParticipant.ContactMaxLength })
        {
            ModelState.AddModelError("Person.Contact", l["Validation_MaxLength", l["Quals_Interest_Field_Contact"], CourseParticipant.ContactMaxLength]);
        }

        var culture = Localization.Cultures.Supported.Contains(Person.Culture ?? "") ? Person.Culture! : CultureInfo.CurrentUICulture.Name;
        return ModelState.IsValid ? await participants.RecordWithoutAccountAsync(name, Person.Contact, culture, member.UserId!) : null;
    }

    private async Task LoadAsync()
    {
        Demand = await demand.AggregateAsync();
        Districts = (await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync())
            .Select(d => (d.Id, d.Name)).ToList();
        var today = townClock.Today();
        Runs = await db.CourseRuns.AsNoTracking()
            .Where(r => r.Status == CourseRunStatus.Planned && r.StartsOn >= today && !r.Course!.IsWithdrawn && r.Course.Kind == CourseKind.LanguageCourse)
            .OrderBy(r => r.StartsOn)
            .Select(r => new RunOption(r.Id, r.Course!.LanguageCourseType ?? LanguageCourseType.Integration, r.Course.Title, r.StartsOn, r.DistrictId))
            .ToListAsync();
        var entries = db.LanguageCourseInterests.AsNoTracking().Where(i => i.Status == Status);
        if (Type is { } type)
        {
            entries = entries.Where(i => i.CourseType == type);
        }

        Rows = await entries.OrderBy(i => i.Since).ThenBy(i => i.Id).Take(RowsShown)
            .Select(i => new Row(i.Id, i.Participant!.User != null ? i.Participant.User.UserName! : i.Participant.Name ?? "", i.Participant.ReferenceCode,
                i.CourseType, i.CurrentLevel, i.LevelAssessed, i.DistrictId, i.DayParts, i.ChildcareNeeded, i.Since, i.Status, i.ReferredRunId))
            .ToListAsync();
    }
}
