using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Domain;

namespace Marketplace.Web.Pages.Coordination.Gaps;

/// <summary>
/// The town's gap and surplus definitions and alert rules (<see cref="GapRules"/>), edited by the town admin in the
/// town settings (Pages/Town/Settings) beside the other rules.
/// </summary>
public sealed class GapSettingsInput
{
    public const int MinDays = 1;
    public const int MaxDays = 90;
    public const int MinOpenRequests = 1;
    public const int MaxOpenRequests = 100;
    public const int MinSurplusWeeks = 1;
    public const int MaxSurplusWeeks = 26;

    // Nullable so an emptied field gets the localized "required" message; defaults are the Tenant's.
    [Required(ErrorMessage = "Validation_Required")]
    [Range(MinDays, MaxDays, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_GapWaitingDays")]
    public int? WaitingDays { get; set; } = GapRules.DefaultWaitingDays;

    [Required(ErrorMessage = "Validation_Required")]
    [Range(MinDays, MaxDays, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_SurplusIdleDays")]
    public int? IdleDays { get; set; } = GapRules.DefaultIdleDays;

    [Required(ErrorMessage = "Validation_Required")]
    [Range(MinOpenRequests, MaxOpenRequests, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_GapAlertOpenRequests")]
    public int? AlertOpenRequests { get; set; } = GapRules.DefaultAlertOpenRequests;

    [Required(ErrorMessage = "Validation_Required")]
    [Range(MinDays, MaxDays, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_GapAlertMedianDays")]
    public int? AlertMedianDays { get; set; } = GapRules.DefaultAlertMedianDays;

    [Required(ErrorMessage = "Validation_Required")]
    [Range(MinSurplusWeeks, MaxSurplusWeeks, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_GapAlertSurplusWeeks")]
    public int? AlertSurplusWeeks { get; set; } = GapRules.DefaultAlertSurplusWeeks;

    public static GapSettingsInput From(Tenant t) => new()
    {
        WaitingDays = t.GapWaitingDays,
        IdleDays = t.SurplusIdleDays,
        AlertOpenRequests = t.GapAlertOpenRequests,
        AlertMedianDays = t.GapAlertMedianDays,
        AlertSurplusWeeks = t.GapAlertSurplusWeeks,
    };

    public void ApplyTo(Tenant t)
    {
        t.GapWaitingDays = WaitingDays!.Value;
        t.SurplusIdleDays = IdleDays!.Value;
        t.GapAlertOpenRequests = AlertOpenRequests!.Value;
        t.GapAlertMedianDays = AlertMedianDays!.Value;
        t.GapAlertSurplusWeeks = AlertSurplusWeeks!.Value;
    }
}
