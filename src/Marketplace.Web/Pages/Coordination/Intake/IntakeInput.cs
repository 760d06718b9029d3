using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;

namespace Marketplace.Web.Pages.Coordination.Intake;

/// <summary>A request a coordinator records for a person without an account, and that person (kept in the office only).</summary>
public sealed record IntakeInput
{
    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_Category")]
    public int? CategoryId { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_District")]
    public int? DistrictId { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(Listing.TitleMaxLength, MinimumLength = 5, ErrorMessage = "Validation_Length")]
    [Display(Name = "Field_Title")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(Listing.DescriptionMaxLength, MinimumLength = 10, ErrorMessage = "Validation_Length")]
    [Display(Name = "Field_Description")]
    public string Description { get; set; } = "";

    [Display(Name = "Field_IntakeLanguages")]
    public List<string> Languages { get; set; } = [];

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(IntakeContact.NameMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_IntakeName")]
    public string Name { get; set; } = "";

    [StringLength(IntakeContact.ContactMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_IntakeContact")]
    public string? Contact { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_IntakeCulture")]
    public string Culture { get; set; } = Cultures.Default;

    /// <summary>Cross-field and list rules; the keys are field names, the values resource keys.</summary>
    public IEnumerable<(string Field, string MessageKey)> Check()
    {
        if (Languages.Any(code => !SpokenLanguages.IsKnown(code)))
        {
            yield return (nameof(Languages), "Validation_Invalid");
        }

        if (!Cultures.IsSupported(Culture))
        {
            yield return (nameof(Culture), "Validation_Invalid");
        }
    }
}
