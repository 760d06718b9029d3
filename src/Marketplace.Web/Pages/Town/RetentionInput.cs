using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Domain;

namespace Marketplace.Web.Pages.Town;

/// <summary>How long the town keeps what (Privacy/Retention applies it), edited by the town admin beside the other settings.</summary>
public sealed class RetentionInput
{
    // Nullable so an emptied field gets the localized "required" message; defaults are the Tenant's.
    [Required(ErrorMessage = "Validation_Required")]
    [Range(PrivacyRules.MinRetentionMonths, PrivacyRules.MaxRetentionMonths, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_ListingRetentionMonths")]
    public int? ListingMonths { get; set; } = PrivacyRules.DefaultListingRetentionMonths;

    [Required(ErrorMessage = "Validation_Required")]
    [Range(PrivacyRules.MinRetentionMonths, PrivacyRules.MaxRetentionMonths, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_DeletedAccountMessageMonths")]
    public int? DeletedAccountMessageMonths { get; set; } = PrivacyRules.DefaultDeletedAccountMessageMonths;

    [Required(ErrorMessage = "Validation_Required")]
    [Range(PrivacyRules.MinAuditRetentionMonths, PrivacyRules.MaxRetentionMonths, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_AuditRetentionMonths")]
    public int? AuditMonths { get; set; } = PrivacyRules.DefaultAuditRetentionMonths;

    public static RetentionInput From(Domain.Tenant t) => new()
    {
        ListingMonths = t.ListingRetentionMonths,
        DeletedAccountMessageMonths = t.DeletedAccountMessageMonths,
        AuditMonths = t.AuditRetentionMonths,
    };

    public void ApplyTo(Domain.Tenant t)
    {
        t.ListingRetentionMonths = ListingMonths!.Value;
        t.DeletedAccountMessageMonths = DeletedAccountMessageMonths!.Value;
        t.AuditRetentionMonths = AuditMonths!.Value;
    }
}
