using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Courses.Manage;

/// <summary>
/// A run's form. "New" generates the meetings from weekdays, times and teaching units per meeting; "edit" changes dates and
/// place and adds or removes single meetings. The maximum is set here only when the run is created: later it changes
/// through the seat desk, where freed seats go to the waiting list in the same step.
/// </summary>
public sealed class RunInput
{
    /// <summary>Value of <see cref="Place"/> for a run that meets online.</summary>
    public const string Online = "online";

    /// <summary>The longest run the form generates meetings for, so a typo in a year cannot write thousands of rows.</summary>
    public const int MaxDays = 731;

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Courses_FieldStartsOn")]
    public DateOnly? StartsOn { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Courses_FieldEndsOn")]
    public DateOnly? EndsOn { get; set; }

    /// <summary>"online" or a district's id.</summary>
    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Courses_FieldPlace")]
    public string? Place { get; set; }

    [StringLength(CourseRun.PlaceNoteMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Courses_FieldPlaceNote")]
    public string? PlaceNote { get; set; }

    [Range(0, CourseRun.MaxParticipantsLimit, ErrorMessage = "Validation_Range")]
    [Display(Name = "Courses_FieldMinParticipants")]
    public int MinParticipants { get; set; }

    /// <summary>Only read when the run is created.</summary>
    [Range(1, CourseRun.MaxParticipantsLimit, ErrorMessage = "Validation_Range")]
    [Display(Name = "Courses_FieldMaxParticipants")]
    public int MaxParticipants { get; set; } = 12;

    [Display(Name = "Courses_FieldWeekdays")]
    public List<DayOfWeek> Weekdays { get; set; } = [];

    [Display(Name = "Courses_FieldStartsAt")]
    public TimeOnly? StartsAt { get; set; }

    [Display(Name = "Courses_FieldEndsAt")]
    public TimeOnly? EndsAt { get; set; }

    [Range(1, 20, ErrorMessage = "Validation_Range")]
    [Display(Name = "Courses_FieldUnitsPerMeeting")]
    public int UnitsPerMeeting { get; set; } = 4;

    /// <summary>The district the place names (null: online), after <see cref="Validate"/> found it among the town's.</summary>
    public int? DistrictId { get; private set; }

    public bool IsOnline => Place == Online;

    /// <summary>Dates, place and group size; with <paramref name="generate"/> also the weekly pattern.</summary>
    public void Validate(ModelStateDictionary state, IStringLocalizer l, IReadOnlyCollection<int> districts, bool generate, int? currentMax = null)
    {
        if (StartsOn is { } start && EndsOn is { } end)
        {
            if (end < start)
            {
                state.AddModelError("Input.EndsOn", l["Courses_EndBeforeStart"]);
            }
            else if (end.DayNumber - start.DayNumber > MaxDays)
            {
                state.AddModelError("Input.EndsOn", l["Courses_RunTooLong", MaxDays]);
            }
        }

        if (Place is not null && !IsOnline)
        {
            if (int.TryParse(Place, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && districts.Contains(id))
            {
                DistrictId = id;
            }
            else
            {
                state.AddModelError("Input.Place", l["Courses_PlaceUnknown"]);
            }
        }

        var max = currentMax ?? MaxParticipants;
        if (MinParticipants > max)
        {
            state.AddModelError("Input.MinParticipants", l["Courses_MinAboveMax", max]);
        }

        if (generate)
        {
            ValidateMeeting(state, l, "Input.StartsAt", "Input.EndsAt", StartsAt, EndsAt);
            if (Weekdays.Count == 0 || Weekdays.Any(d => !Enum.IsDefined(d)))
            {
                state.AddModelError("Input.Weekdays", l["Courses_WeekdaysRequired"]);
            }
            else if (state.IsValid && Meetings().Count == 0)
            {
                state.AddModelError("Input.Weekdays", l["Courses_NoMeetingInRange"]);
            }
        }
    }

    /// <summary>Both times given and the end after the start.</summary>
    public static void ValidateMeeting(ModelStateDictionary state, IStringLocalizer l, string startKey, string endKey, TimeOnly? startsAt, TimeOnly? endsAt)
    {
        if (startsAt is null)
        {
            state.AddModelError(startKey, l["Courses_TimeRequired"]);
        }

        if (endsAt is null)
        {
            state.AddModelError(endKey, l["Courses_TimeRequired"]);
        }
        else if (startsAt is { } s && endsAt <= s)
        {
            state.AddModelError(endKey, l["Courses_EndTimeBeforeStart"]);
        }
    }

    /// <summary>Every chosen weekday between start and end (both included), at the given times.</summary>
    public List<CourseMeeting> Meetings()
    {
        var meetings = new List<CourseMeeting>();
        for (var day = StartsOn!.Value; day <= EndsOn!.Value; day = day.AddDays(1))
        {
            if (Weekdays.Contains(day.DayOfWeek))
            {
                meetings.Add(new CourseMeeting { Date = day, StartsAt = StartsAt!.Value, EndsAt = EndsAt!.Value, TeachingUnits = UnitsPerMeeting });
            }
        }

        return meetings;
    }

    public void ApplyTo(CourseRun run)
    {
        run.StartsOn = StartsOn!.Value;
        run.EndsOn = EndsOn!.Value;
        run.IsOnline = IsOnline;
        run.DistrictId = IsOnline ? null : DistrictId;
        run.PlaceNote = string.IsNullOrWhiteSpace(PlaceNote) ? null : PlaceNote.Trim();
        run.MinParticipants = MinParticipants;
    }

    public static RunInput From(CourseRun run) => new()
    {
        StartsOn = run.StartsOn,
        EndsOn = run.EndsOn,
        Place = run.IsOnline ? Online : run.DistrictId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PlaceNote = run.PlaceNote,
        MinParticipants = run.MinParticipants,
        MaxParticipants = run.MaxParticipants,
    };
}

/// <summary>One meeting added by hand to a run.</summary>
public sealed class MeetingInput
{
    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Courses_MeetingDate")]
    public DateOnly? Date { get; set; }

    public TimeOnly? StartsAt { get; set; }

    public TimeOnly? EndsAt { get; set; }

    [Range(1, 20, ErrorMessage = "Validation_Range")]
    [Display(Name = "Courses_FieldUnitsPerMeeting")]
    public int TeachingUnits { get; set; } = 4;
}
