using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Listings;

/// <summary>
/// The listing form: shared by "new" and "edit". Category-specific fields are kept only for their category.
/// Decimals accept "612,50" and "612.50" alike: number inputs submit a dot whatever the page's language.
/// </summary>
public sealed class ListingInput
{
    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_ListingType")]
    public ListingType? Type { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_Category")]
    public int? CategoryId { get; set; }

    /// <summary>Empty: as myself. Otherwise an approved organisation the poster belongs to.</summary>
    [Display(Name = "Field_PostAs")]
    public int? OrganisationId { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(Listing.TitleMaxLength, MinimumLength = 5, ErrorMessage = "Validation_Length")]
    [Display(Name = "Field_Title")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(Listing.DescriptionMaxLength, MinimumLength = 10, ErrorMessage = "Validation_Length")]
    [Display(Name = "Field_Description")]
    public string Description { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_District")]
    public int? DistrictId { get; set; }

    [Display(Name = "Field_Languages")]
    public List<string> Languages { get; set; } = [];

    [Range(1, 1000, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_Quantity")]
    public int? Quantity { get; set; }

    [Display(Name = "Field_AvailableFrom")]
    public DateOnly? AvailableFrom { get; set; }

    [Display(Name = "Field_AvailableUntil")]
    public DateOnly? AvailableUntil { get; set; }

    [StringLength(Listing.MeetingPointMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_MeetingPoint")]
    public string? MeetingPoint { get; set; }

    [Range(1, 20, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_Rooms")]
    public int? Rooms { get; set; }

    [Range(1, 1000, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_Area")]
    [ModelBinder(typeof(EuroAmountModelBinder))]
    public decimal? AreaSquareMetres { get; set; }

    [Range(0, 10000, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_WarmRent")]
    [ModelBinder(typeof(EuroAmountModelBinder))]
    public decimal? WarmRent { get; set; }

    [Display(Name = "Field_WorkKind")]
    public WorkKind? WorkKind { get; set; }

    [Range(1, 60, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_HoursPerWeek")]
    [ModelBinder(typeof(EuroAmountModelBinder))]
    public decimal? HoursPerWeek { get; set; }

    /// <summary>
    /// When the help is needed or offered: names or numbers of <see cref="Domain.DayParts"/>, one per ticked box. Kept as
    /// text so an unknown value is ignored rather than refused (<see cref="DayPartsValue"/>).
    /// </summary>
    [Display(Name = "Field_DayParts")]
    public List<string> DayParts { get; set; } = [];

    /// <summary>The four day parts the form offers.</summary>
    public static readonly Domain.DayParts[] DayPartChoices = [Domain.DayParts.Morning, Domain.DayParts.Afternoon, Domain.DayParts.Evening, Domain.DayParts.Weekend];

    /// <summary>The ticked day parts together; values that are none of the four are left out.</summary>
    public Domain.DayParts DayPartsValue() => DayParts
        .Select(v => DayPartChoices.FirstOrDefault(p => string.Equals(p.ToString(), v, StringComparison.OrdinalIgnoreCase)
            || v == ((int)p).ToString(System.Globalization.CultureInfo.InvariantCulture)))
        .Aggregate(Domain.DayParts.None, (all, p) => all | p);

    /// <summary>Ticked after the warning about contact details: the poster publishes them knowingly.</summary>
    public bool PublishAnyway { get; set; }

    /// <summary>Contact details in the fields others read: the description (everyone) and the meeting point (whoever writes).</summary>
    public IReadOnlyList<ContactWarning> ContactWarnings() =>
        new[] { (Field: nameof(Description), Text: Description), (Field: nameof(MeetingPoint), Text: MeetingPoint) }
            .Select(f => new ContactWarning(f.Field, ContactInText.Find(f.Text)))
            .Where(w => w.Kinds != ContactKinds.None)
            .ToList();

    /// <summary>Cross-field rules; the returned keys are the field names, the values resource keys.</summary>
    public IEnumerable<(string Field, string MessageKey)> Check(CategoryKind kind)
    {
        if (AvailableFrom is { } from && AvailableUntil is { } until && until < from)
        {
            yield return (nameof(AvailableUntil), "Validation_UntilBeforeFrom");
        }

        if (Languages.Any(code => !SpokenLanguages.IsKnown(code)))
        {
            yield return (nameof(Languages), "Validation_Invalid");
        }

        if (kind == CategoryKind.Work && WorkKind is null)
        {
            yield return (nameof(WorkKind), "Validation_WorkKindRequired");
        }
    }

    public static ListingInput From(Listing l) => new()
    {
        Type = l.Type,
        CategoryId = l.CategoryId,
        OrganisationId = l.OrganisationId,
        Title = l.Title,
        Description = l.Description,
        DistrictId = l.DistrictId,
        Languages = SpokenLanguages.Unpack(l.Languages).ToList(),
        Quantity = l.Quantity,
        AvailableFrom = l.AvailableFrom,
        AvailableUntil = l.AvailableUntil,
        MeetingPoint = l.MeetingPoint,
        Rooms = l.Rooms,
        AreaSquareMetres = l.AreaSquareMetres,
        WarmRent = l.WarmRentCents is { } rent ? Money.ToEuros(rent) : null,
        WorkKind = l.WorkKind,
        HoursPerWeek = l.HoursPerWeek,
        DayParts = DayPartChoices.Where(p => l.DayParts.HasFlag(p)).Select(p => p.ToString()).ToList(),
    };

    public void ApplyTo(Listing l, CategoryKind kind)
    {
        l.Type = Type!.Value;
        l.CategoryId = CategoryId!.Value;
        l.OrganisationId = OrganisationId;
        l.Title = Title.Trim();
        l.Description = Description.Trim();
        l.DistrictId = DistrictId!.Value;
        l.Languages = SpokenLanguages.Pack(Languages);
        l.Quantity = Quantity;
        l.AvailableFrom = AvailableFrom;
        l.AvailableUntil = AvailableUntil;
        l.MeetingPoint = string.IsNullOrWhiteSpace(MeetingPoint) ? null : MeetingPoint.Trim();
        l.DayParts = DayPartsValue();
        var housing = kind == CategoryKind.Housing;
        l.Rooms = housing ? Rooms : null;
        l.AreaSquareMetres = housing ? AreaSquareMetres : null;
        l.WarmRentCents = housing && WarmRent is { } rent ? Money.ToCents(rent) : null;
        var work = kind == CategoryKind.Work;
        l.WorkKind = work ? WorkKind : null;
        l.HoursPerWeek = work ? HoursPerWeek : null;
    }
}

/// <summary>A field of the listing form that seems to contain contact details (<see cref="ContactInText"/>).</summary>
public sealed record ContactWarning(string Field, ContactKinds Kinds);
