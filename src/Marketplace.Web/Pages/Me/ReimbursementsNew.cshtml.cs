using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Marketplace.Web.Budgets;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Localization;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Me;

/// <summary>
/// A member claims back what they paid for their engagement (Auslagenersatz): km at the town's rate (the amount shown
/// before saving), a ticket, material or other, linked to one of their matches, hours entries or organisations, charged
/// to a plan line of an approved, running budget. Stored as an expense of kind Reimbursement, waiting for approval.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = ExpenseReceipt.MaxBytes + FormOverheadBytes)]
[RequestSizeLimit(ExpenseReceipt.MaxBytes + FormOverheadBytes)]
public sealed class ReimbursementsNewModel(ReimbursementClaims claims, CurrentMember member, TownClock townClock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int FormOverheadBytes = 64 * 1024;
    public const string MatchPrefix = "match-";
    public const string HoursPrefix = "hours-";
    public const string OrganisationPrefix = "organisation-";

    [BindProperty]
    public ClaimInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Receipt { get; set; }

    public ClaimOptions Options { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public DateOnly Earliest => Today.AddDays(-ReimbursementClaims.MaxAgeDays);

    /// <summary>The km amount worked out for the member to see before saving (or null).</summary>
    public long? KilometreAmountCents { get; private set; }

    public sealed class ClaimInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [Display(Name = "Reimb_FieldType")]
        public ReimbursementType? Type { get; set; }

        [Required(ErrorMessage = "Validation_Required")]
        [Display(Name = "Reimb_FieldDate")]
        public DateOnly? SpentOn { get; set; }

        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(Expense.PurposeMaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Reimb_FieldPurpose")]
        public string? Purpose { get; set; }

        [Display(Name = "Reimb_FieldKilometres")]
        public int? Kilometres { get; set; }

        [Display(Name = "Reimb_FieldAmount")]
        [ModelBinder(typeof(EuroAmountModelBinder))]
        public decimal? Amount { get; set; }

        [Required(ErrorMessage = "Validation_Required")]
        [Display(Name = "Reimb_FieldBelongsTo")]
        public string? BelongsTo { get; set; }

        [Required(ErrorMessage = "Validation_Required")]
        [Display(Name = "Reimb_FieldLine")]
        public int? PlanLineId { get; set; }

        [StringLength(60, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Reimb_FieldIban")]
        public string? Iban { get; set; }
    }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input.SpentOn = Today;
    }

    /// <summary>Works out the km amount without saving; htmx asks for the amount alone, a plain form gets the page again.</summary>
    public async Task<IActionResult> OnPostAmountAsync()
    {
        await LoadAsync();
        ModelState.Clear();
        KilometreAmountCents = Input.Kilometres is { } km && km is > 0 and <= ReimbursementRules.MaxKilometres
            ? BudgetRules.KilometreAmount(km, Options.KilometreRateCents)
            : null;
        return Request.WantsFragment() ? Partial("_KilometreAmount", this) : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await member.CanParticipateAsync())
        {
            return Forbid();
        }

        await LoadAsync();
        var claim = await CheckAsync(ct);
        if (claim is null || !ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        await claims.SubmitAsync(member.UserId!, User.Identity!.Name!, claim, ct);
        TempData[HtmxResults.StatusKey] = l["Reimb_Submitted"].Value;
        return RedirectToPage("/Me/Reimbursements");
    }

    /// <summary>The rules across fields and against the database, each message at its field; null when anything is wrong.</summary>
    private async Task<NewClaim?> CheckAsync(CancellationToken ct)
    {
        if (Input.SpentOn is { } day && (day > Today || day < Earliest))
        {
            ModelState.AddModelError("Input.SpentOn", l[day > Today ? "Reimb_NotInFuture" : "Reimb_TooOld"]);
        }

        if (Input.Type is { } t && !ReimbursementRules.Types.Contains(t))
        {
            ModelState.AddModelError("Input.Type", l["Validation_Required"]);
        }

        long amount = 0;
        if (Input.Type == ReimbursementType.Kilometres)
        {
            if (Input.Kilometres is not ({ } km and > 0 and <= ReimbursementRules.MaxKilometres))
            {
                ModelState.AddModelError("Input.Kilometres", l["Reimb_KilometresRange", ReimbursementRules.MaxKilometres]);
            }
            else
            {
                amount = BudgetRules.KilometreAmount(km, Options.KilometreRateCents);
                KilometreAmountCents = amount;
            }
        }
        else if (Input.Type is not null && ModelState.GetFieldValidationState("Input.Amount") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            amount = Input.Amount is { } euros ? Money.ToCents(euros) : 0;
            if (amount <= 0 || amount > ReimbursementRules.MaxAmountCents)
            {
                ModelState.AddModelError("Input.Amount", l["Reimb_AmountRange", Cultures.Euros(Money.ToEuros(ReimbursementRules.MaxAmountCents))]);
            }
        }

        int? matchId = null, hoursId = null, organisationId = null;
        var belongsTo = Input.BelongsTo ?? "";
        if (belongsTo.Length > 0)
        {
            if (Read(belongsTo, MatchPrefix) is { } m && Options.Matches.Any(x => x.Id == m))
            {
                matchId = m;
            }
            else if (Read(belongsTo, HoursPrefix) is { } h && Options.HoursEntries.Any(x => x.Id == h))
            {
                hoursId = h;
            }
            else if (Read(belongsTo, OrganisationPrefix) is { } o && Options.Organisations.Any(x => x.Id == o))
            {
                organisationId = o;
            }
            else
            {
                ModelState.AddModelError("Input.BelongsTo", l["Reimb_NotYours"]);
            }
        }

        var line = Options.Lines.FirstOrDefault(x => x.LineId == Input.PlanLineId);
        if (Input.PlanLineId is not null)
        {
            if (line is null || !await claims.MayChargeAsync(line, ct))
            {
                ModelState.AddModelError("Input.PlanLineId", l["Reimb_LineNotOpen"]);
                line = null;
            }
            else if (Input.Type is { } type && line.Line != ReimbursementRules.LineFor(type))
            {
                ModelState.AddModelError("Input.PlanLineId", l["Reimb_LineWrongKind", l["Reimb_Line_" + ReimbursementRules.LineFor(type)]]);
            }
            else if (organisationId is { } org && line.OrganisationId != org && !line.Office)
            {
                ModelState.AddModelError("Input.PlanLineId", l["Reimb_LineOtherOrganisation"]);
            }
        }

        string? iban = null;
        if (!string.IsNullOrWhiteSpace(Input.Iban) && (iban = Budgets.Iban.Normalize(Input.Iban)) is null)
        {
            ModelState.AddModelError("Input.Iban", l["Reimb_IbanInvalid"]);
        }

        ReceiptFile? receipt = null;
        if (Receipt is not null || (Input.Type is { } kind && ReimbursementRules.NeedsReceipt(kind)))
        {
            var (file, error) = await ReceiptFiles.ReadAsync(Receipt, ct);
            if (error is { } problem)
            {
                ModelState.AddModelError(nameof(Receipt), l["Reimb_Receipt" + problem]);
            }

            receipt = file;
        }

        if (!ModelState.IsValid || line is null || Input.Type is null || Input.SpentOn is null)
        {
            return null;
        }

        return new NewClaim(Input.Type.Value, Input.SpentOn.Value, Input.Purpose!.Trim(),
            Input.Type == ReimbursementType.Kilometres ? Input.Kilometres : null, amount, matchId, hoursId, line, iban, receipt);
    }

    private static int? Read(string value, string prefix) =>
        value.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(value[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id : null;

    private async Task LoadAsync()
    {
        Today = townClock.Today();
        Options = await claims.OptionsAsync(member.UserId!, Today);
    }
}
