using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Shared;

/// <summary>A municipality's settings, as the platform admin enters them at creation and the town admin edits them.</summary>
public sealed class TownSettingsInput
{
    public const int MinListingLifetimeDays = 7;
    public const int MaxListingLifetimeDays = 365;
    public const int MinReportsToHide = 1;
    public const int MaxReportsToHide = 20;
    public const int MaxHourlyRate = 1000;
    public const int MinClearanceValidYears = 1;
    public const int MaxClearanceValidYears = 10;

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(120, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_TownName")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [EnumDataType(typeof(FederalState), ErrorMessage = "Validation_Invalid")]
    [Display(Name = "Field_FederalState")]
    public FederalState? FederalState { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(64, ErrorMessage = "Validation_MaxLength")]
    [KnownTimeZone(ErrorMessage = "Validation_TimeZone")]
    [Display(Name = "Field_TimeZone")]
    public string TimeZoneId { get; set; } = Tenant.DefaultTimeZone;

    [Required(ErrorMessage = "Validation_Required")]
    [SupportedCulture(ErrorMessage = "Validation_Invalid")]
    [Display(Name = "Field_DefaultLanguage")]
    public string DefaultCulture { get; set; } = Cultures.Default;

    [Required(ErrorMessage = "Validation_Required")]
    [EmailAddress(ErrorMessage = "Validation_Email")]
    [StringLength(256, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_ContactEmail")]
    public string ContactEmail { get; set; } = "";

    [Phone(ErrorMessage = "Validation_Phone")]
    [StringLength(40, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_ContactPhone")]
    public string? ContactPhone { get; set; }

    [StringLength(300, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_ContactAddress")]
    public string? ContactAddress { get; set; }

    [StringLength(2000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_TownDescription")]
    public string? Description { get; set; }

    // Nullable so an emptied field gets the localized "required" message; defaults are the Tenant's.
    [Required(ErrorMessage = "Validation_Required")]
    [Range(MinListingLifetimeDays, MaxListingLifetimeDays, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_ListingLifetimeDays")]
    public int? ListingLifetimeDays { get; set; } = 28;

    [Required(ErrorMessage = "Validation_Required")]
    [Range(MinReportsToHide, MaxReportsToHide, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_ReportsToHide")]
    public int? ReportsToHide { get; set; } = 3;

    [Display(Name = "Field_MailIncludesMessageText")]
    public bool MailIncludesMessageText { get; set; }

    [Display(Name = "Field_OfficeRequiresTwoFactor")]
    public bool OfficeRequiresTwoFactor { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "Validation_Colour")]
    [Display(Name = "Field_AccentColour")]
    public string AccentColour { get; set; } = Tenant.DefaultAccentColour;

    [Required(ErrorMessage = "Validation_Required")]
    [Range(0, 23, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_DigestHour")]
    public int? DigestHour { get; set; } = 7;

    /// <summary>EUR per volunteer hour; read as "15,50" or "15.50" whatever the page's language.</summary>
    [Required(ErrorMessage = "Validation_Required")]
    [Range(typeof(decimal), "0", "1000", ErrorMessage = "Validation_Range", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    [Display(Name = "Hours_FieldHourlyRate")]
    [ModelBinder(typeof(EuroAmountModelBinder))]
    public decimal? HourlyRate { get; set; } = Money.ToEuros(HoursValue.DefaultHourlyRateCents);

    [Required(ErrorMessage = "Validation_Required")]
    [Range(MinClearanceValidYears, MaxClearanceValidYears, ErrorMessage = "Validation_Range")]
    [Display(Name = "Hours_FieldClearanceValidYears")]
    public int? ClearanceValidYears { get; set; } = ClearanceRules.DefaultValidYears;

    [Required(ErrorMessage = "Validation_Required")]
    [Range(OfficeIdleTimeout.MinimumMinutes, OfficeIdleTimeout.MaximumMinutes, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_OfficeIdleTimeoutMinutes")]
    public int? OfficeIdleTimeoutMinutes { get; set; } = Tenant.DefaultOfficeIdleTimeoutMinutes;

    /// <summary>EUR up to which a granted project budget is spent on the initiative's own responsibility.</summary>
    [Required(ErrorMessage = "Validation_Required")]
    [Range(typeof(decimal), "0", "1000000", ErrorMessage = "Validation_Range", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    [Display(Name = "Budgets_FieldOwnResponsibility")]
    [ModelBinder(typeof(EuroAmountModelBinder))]
    public decimal? OwnResponsibilityBudget { get; set; } = Money.ToEuros(BudgetRules.DefaultOwnResponsibilityCents);

    /// <summary>EUR above which an expense needs two different approvers.</summary>
    [Required(ErrorMessage = "Validation_Required")]
    [Range(typeof(decimal), "0", "1000000", ErrorMessage = "Validation_Range", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    [Display(Name = "Budgets_FieldSecondApprovalAbove")]
    [ModelBinder(typeof(EuroAmountModelBinder))]
    public decimal? SecondApprovalAbove { get; set; } = Money.ToEuros(BudgetRules.DefaultSecondApprovalAboveCents);

    /// <summary>EUR per kilometre driven for a volunteer's claim.</summary>
    [Required(ErrorMessage = "Validation_Required")]
    [Range(typeof(decimal), "0", "10", ErrorMessage = "Validation_Range", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    [Display(Name = "Budgets_FieldKilometreRate")]
    [ModelBinder(typeof(EuroAmountModelBinder))]
    public decimal? KilometreRate { get; set; } = Money.ToEuros(BudgetRules.DefaultKilometreRateCents);

    public static TownSettingsInput From(Tenant t) => new()
    {
        Name = t.Name,
        FederalState = t.FederalState,
        TimeZoneId = t.TimeZoneId,
        DefaultCulture = t.DefaultCulture,
        ContactEmail = t.ContactEmail,
        ContactPhone = t.ContactPhone,
        ContactAddress = t.ContactAddress,
        Description = t.Description,
        ListingLifetimeDays = t.ListingLifetimeDays,
        ReportsToHide = t.ReportsToHide,
        MailIncludesMessageText = t.MailIncludesMessageText,
        OfficeRequiresTwoFactor = t.OfficeRequiresTwoFactor,
        AccentColour = t.AccentColour,
        DigestHour = t.DigestHour,
        HourlyRate = Money.ToEuros(t.HourlyRateCents),
        ClearanceValidYears = t.ClearanceValidYears,
        OfficeIdleTimeoutMinutes = t.OfficeIdleTimeoutMinutes,
        OwnResponsibilityBudget = Money.ToEuros(t.OwnResponsibilityBudgetCents),
        SecondApprovalAbove = Money.ToEuros(t.SecondApprovalAboveCents),
        KilometreRate = Money.ToEuros(t.KilometreRateCents),
    };

    public void ApplyTo(Tenant t)
    {
        t.Name = Name.Trim();
        t.FederalState = FederalState!.Value;
        t.TimeZoneId = TimeZoneId;
        t.DefaultCulture = DefaultCulture;
        t.ContactEmail = ContactEmail.Trim();
        t.ContactPhone = string.IsNullOrWhiteSpace(ContactPhone) ? null : ContactPhone.Trim();
        t.ContactAddress = string.IsNullOrWhiteSpace(ContactAddress) ? null : ContactAddress.Trim();
        t.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        t.ListingLifetimeDays = ListingLifetimeDays!.Value;
        t.ReportsToHide = ReportsToHide!.Value;
        t.MailIncludesMessageText = MailIncludesMessageText;
        t.OfficeRequiresTwoFactor = OfficeRequiresTwoFactor;
        t.AccentColour = AccentColour.ToLowerInvariant();
        t.DigestHour = DigestHour!.Value;
        t.HourlyRateCents = Money.ToCents(HourlyRate!.Value);
        t.ClearanceValidYears = ClearanceValidYears!.Value;
        t.OfficeIdleTimeoutMinutes = OfficeIdleTimeoutMinutes!.Value;
        t.OwnResponsibilityBudgetCents = Money.ToCents(OwnResponsibilityBudget!.Value);
        t.SecondApprovalAboveCents = Money.ToCents(SecondApprovalAbove!.Value);
        t.KilometreRateCents = Money.ToCents(KilometreRate!.Value);
    }
}

/// <summary>An IANA time zone this server knows, e.g. Europe/Berlin: the town clock relies on it and never falls back.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KnownTimeZoneAttribute : LocalizedValidationAttribute
{
    protected override bool IsValidValue(object? value) => value is not string id || TownClock.IsKnownZone(id);
}

/// <summary>A language the interface is translated into.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SupportedCultureAttribute : LocalizedValidationAttribute
{
    protected override bool IsValidValue(object? value) => value is not string culture || Cultures.IsSupported(culture);
}
