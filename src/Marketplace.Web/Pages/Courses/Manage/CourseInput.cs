using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Courses.Manage;

/// <summary>The course form of "new" and "edit". The fee is typed in euros ("49,50" or "49.50") and kept in cents.</summary>
public sealed class CourseInput
{
    /// <summary>Empty: the coordination office runs it. Only asked when creating; a course keeps its provider.</summary>
    [Display(Name = "Courses_FieldProvider")]
    public int? ProviderId { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Courses_FieldKind")]
    public CourseKind? Kind { get; set; }

    [StringLength(Course.TopicMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Courses_FieldTopic")]
    public string? Topic { get; set; }

    [Display(Name = "Courses_FieldType")]
    public LanguageCourseType? LanguageCourseType { get; set; }

    [Display(Name = "Courses_FieldLevel")]
    public CefrLevel? TargetLevel { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(Course.TitleMaxLength, MinimumLength = 5, ErrorMessage = "Validation_Length")]
    [Display(Name = "Courses_FieldTitle")]
    public string Title { get; set; } = "";

    [StringLength(Course.DescriptionMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Courses_FieldDescription")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Range(1, 10_000, ErrorMessage = "Validation_Range")]
    [Display(Name = "Courses_FieldTeachingUnits")]
    public int? TeachingUnits { get; set; }

    [Display(Name = "Courses_FieldLanguage")]
    public List<string> Languages { get; set; } = [];

    [StringLength(Course.NoteMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Courses_FieldAccessibility")]
    public string? AccessibilityNote { get; set; }

    public bool ChildcareOffered { get; set; }

    [StringLength(Course.NoteMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Courses_FieldChildcareNote")]
    public string? ChildcareNote { get; set; }

    [Range(0, 10_000, ErrorMessage = "Validation_Range")]
    [Display(Name = "Courses_FieldFeeEuros")]
    [ModelBinder(typeof(EuroAmountModelBinder))]
    public decimal? Fee { get; set; }

    [StringLength(Course.NoteMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Courses_FieldFeeNote")]
    public string? FeeNote { get; set; }

    [EmailAddress(ErrorMessage = "Validation_Email")]
    [StringLength(Course.ContactMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Courses_FieldContactEmail")]
    public string? ContactEmail { get; set; }

    [StringLength(Course.ContactMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Courses_FieldContactPhone")]
    public string? ContactPhone { get; set; }

    [Range(1, 100, ErrorMessage = "Validation_Range")]
    [Display(Name = "Courses_FieldMinimumAttendance")]
    public int MinimumAttendancePercent { get; set; } = Course.DefaultMinimumAttendancePercent;

    public bool RequiresPass { get; set; }

    [Range(1, 240, ErrorMessage = "Validation_Range")]
    [Display(Name = "Courses_FieldValidMonths")]
    public int? QualificationValidMonths { get; set; }

    [Range(0, 60, ErrorMessage = "Validation_Range")]
    [Display(Name = "Courses_FieldLeaveDeadline")]
    public int LeaveDeadlineDays { get; set; } = 2;

    /// <summary>The rules DataAnnotations cannot say: languages from the supported list, a language course's type.</summary>
    public void Validate(ModelStateDictionary state, IStringLocalizer l)
    {
        Languages = Languages.Where(l => !string.IsNullOrWhiteSpace(l)).Distinct().ToList();
        if (Languages.Count == 0)
        {
            state.AddModelError("Input.Languages", l["Courses_LanguagesRequired"]);
        }
        else if (!Languages.All(SpokenLanguages.IsKnown))
        {
            state.AddModelError("Input.Languages", l["Courses_LanguagesUnknown"]);
        }

        if (Kind is { } kind && !Enum.IsDefined(kind))
        {
            state.AddModelError("Input.Kind", l["Validation_Invalid"]);
        }

        if (Kind == CourseKind.LanguageCourse && LanguageCourseType is null)
        {
            state.AddModelError("Input.LanguageCourseType", l["Courses_TypeRequired"]);
        }

        if (LanguageCourseType is { } type && !Enum.IsDefined(type))
        {
            state.AddModelError("Input.LanguageCourseType", l["Validation_Invalid"]);
        }

        if (TargetLevel is { } level && !Enum.IsDefined(level))
        {
            state.AddModelError("Input.TargetLevel", l["Validation_Invalid"]);
        }
    }

    public static CourseInput From(Course c) => new()
    {
        ProviderId = c.ProviderOrganisationId,
        Kind = c.Kind,
        Topic = c.Topic,
        LanguageCourseType = c.LanguageCourseType,
        TargetLevel = c.TargetLevel,
        Title = c.Title,
        Description = c.Description,
        TeachingUnits = c.TeachingUnits,
        Languages = [.. c.InstructionLanguages],
        AccessibilityNote = c.AccessibilityNote,
        ChildcareOffered = c.ChildcareOffered,
        ChildcareNote = c.ChildcareNote,
        Fee = c.FeeCents == 0 ? null : Money.ToEuros(c.FeeCents),
        FeeNote = c.FeeNote,
        ContactEmail = c.ContactEmail,
        ContactPhone = c.ContactPhone,
        MinimumAttendancePercent = c.MinimumAttendancePercent,
        RequiresPass = c.RequiresPass,
        QualificationValidMonths = c.QualificationValidMonths,
        LeaveDeadlineDays = c.LeaveDeadlineDays,
    };

    /// <summary>Everything but the provider, which only "new" sets.</summary>
    public void ApplyTo(Course c)
    {
        var kind = Kind!.Value;
        c.Kind = kind;
        c.Topic = Trimmed(Topic);
        // A volunteer qualification has no language-course type or level; a stale choice from switching kinds is dropped.
        c.LanguageCourseType = kind == CourseKind.LanguageCourse ? LanguageCourseType : null;
        c.TargetLevel = kind == CourseKind.LanguageCourse ? TargetLevel : null;
        c.Title = Title.Trim();
        c.Description = Trimmed(Description);
        c.TeachingUnits = TeachingUnits!.Value;
        c.InstructionLanguages = [.. Languages];
        c.AccessibilityNote = Trimmed(AccessibilityNote);
        c.ChildcareOffered = ChildcareOffered;
        c.ChildcareNote = Trimmed(ChildcareNote);
        c.FeeCents = Fee is { } fee ? Money.ToCents(fee) : 0;
        c.FeeNote = Trimmed(FeeNote);
        c.ContactEmail = Trimmed(ContactEmail);
        c.ContactPhone = Trimmed(ContactPhone);
        c.MinimumAttendancePercent = MinimumAttendancePercent;
        c.RequiresPass = RequiresPass;
        c.QualificationValidMonths = QualificationValidMonths;
        c.LeaveDeadlineDays = LeaveDeadlineDays;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
