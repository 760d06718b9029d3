using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Marketplace.Web.Budgets;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Organisations.Budgets;

/// <summary>
/// A project's indicators (what it measures to see whether it works): the organisation's members and the office read
/// them; its admins and the office add indicators, copy a starter set and record a value per period with a note, since
/// a number alone misleads. htmx swaps the whole list.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class IndicatorsModel(AppDbContext db, BudgetAccess access, Indicators indicators, CurrentMember member, IStringLocalizer<SharedResource> l)
    : PageModel
{
    public BudgetPageFacts Project { get; private set; } = null!;
    public IReadOnlyList<IndicatorRow> Rows { get; private set; } = [];

    /// <summary>Bound by its own handler only (each form posts one of the two inputs).</summary>
    public IndicatorInput NewIndicator { get; set; } = new();

    public ValueInput Value { get; set; } = new();

    public bool MayManage => Project.Standing.MayManage;

    public sealed class IndicatorInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [EnumDataType(typeof(EffectStep), ErrorMessage = "Validation_Invalid")]
        [Display(Name = "Effects_FieldStep")]
        public EffectStep? Step { get; set; } = EffectStep.Output;

        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(Indicator.NameMaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Effects_FieldName")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(Indicator.TextMaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Effects_FieldDefinition")]
        public string Definition { get; set; } = "";

        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(Indicator.ShortTextMaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Effects_FieldUnit")]
        public string Unit { get; set; } = "";

        [Required(ErrorMessage = "Validation_Required")]
        [Range(0, 1_000_000_000, ErrorMessage = "Validation_Range")]
        [Display(Name = "Effects_FieldBaseline")]
        public int? Baseline { get; set; } = 0;

        [Required(ErrorMessage = "Validation_Required")]
        [Range(0, 1_000_000_000, ErrorMessage = "Validation_Range")]
        [Display(Name = "Effects_FieldTarget")]
        public int? Target { get; set; }

        [Display(Name = "Effects_FieldDirection")]
        public bool HigherIsBetter { get; set; } = true;

        [Required(ErrorMessage = "Validation_Required")]
        [EnumDataType(typeof(MeasuringPeriod), ErrorMessage = "Validation_Invalid")]
        [Display(Name = "Effects_FieldPeriod")]
        public MeasuringPeriod? Period { get; set; } = MeasuringPeriod.Quarterly;

        [StringLength(Indicator.ShortTextMaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Effects_FieldSource")]
        public string? Source { get; set; }

        [StringLength(Indicator.ShortTextMaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Effects_FieldTargetGroup")]
        public string? TargetGroup { get; set; }

        [Required(ErrorMessage = "Validation_Required")]
        [EnumDataType(typeof(Influence), ErrorMessage = "Validation_Invalid")]
        [Display(Name = "Effects_FieldInfluence")]
        public Influence? Influence { get; set; } = Domain.Influence.Medium;
    }

    public sealed class ValueInput
    {
        public int IndicatorId { get; set; }

        /// <summary>The first day of the period, as the form's choice ("yyyy-MM-dd").</summary>
        [Required(ErrorMessage = "Validation_Required")]
        [Display(Name = "Effects_FieldValuePeriod")]
        public string? Period { get; set; }

        [Required(ErrorMessage = "Validation_Required")]
        [Range(0, 1_000_000_000, ErrorMessage = "Validation_Range")]
        [Display(Name = "Effects_FieldValue")]
        public int? Amount { get; set; }

        [StringLength(IndicatorValue.NoteMaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Effects_FieldNote")]
        public string? Note { get; set; }
    }

    /// <summary>The periods a value can be recorded for, oldest first.</summary>
    public IReadOnlyList<DateOnly> PeriodsOf(IndicatorRow row) => IndicatorPeriods.Within(Project.StartsOn, Project.EndsOn, row.Period);

    public async Task<IActionResult> OnGetAsync(int id, int budgetId)
    {
        if (!await LoadAsync(id, budgetId))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, int budgetId)
    {
        if (await DenyAsync(id, budgetId) is { } denied)
        {
            return denied;
        }

        if (!await TryUpdateModelAsync(NewIndicator, nameof(NewIndicator)))
        {
            return this.InvalidForm("_Indicators");
        }

        var input = NewIndicator;
        await indicators.AddAsync(budgetId, new IndicatorInputValues(input.Step!.Value, input.Name, input.Definition, input.Unit, input.Baseline!.Value,
            input.Target!.Value, input.HigherIsBetter, input.Period!.Value, input.Source, input.TargetGroup, input.Influence!.Value));
        NewIndicator = new IndicatorInput();
        return await this.FormSucceededAsync("_Indicators", ReloadAsync, l["Effects_IndicatorAdded"].Value, new { id, budgetId });
    }

    public async Task<IActionResult> OnPostStarterAsync(int id, int budgetId, string? set)
    {
        if (await DenyAsync(id, budgetId) is { } denied)
        {
            return denied;
        }

        ModelState.Clear();
        if (IndicatorStarterSets.Find(set) is not { } starter)
        {
            return BadRequest();
        }

        var added = await indicators.CopyStarterSetAsync(budgetId, starter, Project.TargetGroup);
        return await this.FormSucceededAsync("_Indicators", ReloadAsync, l["Effects_StarterCopied", l[starter.NameKey].Value, added].Value, new { id, budgetId });
    }

    public async Task<IActionResult> OnPostValueAsync(int id, int budgetId)
    {
        if (await DenyAsync(id, budgetId) is { } denied)
        {
            return denied;
        }

        var valid = await TryUpdateModelAsync(Value, nameof(Value));
        if (Rows.All(r => r.Id != Value.IndicatorId))
        {
            return NotFound();
        }

        var periodKey = $"{nameof(Value)}.{nameof(ValueInput.Period)}";
        DateOnly start = default;
        if (Value.Period is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            ModelState.AddModelError(periodKey, l["Validation_Invalid", l["Effects_FieldValuePeriod"].Value]);
        }

        if (!valid || !ModelState.IsValid)
        {
            return this.InvalidForm("_Indicators");
        }

        var outcome = await indicators.RecordValueAsync(Value.IndicatorId, start, Value.Amount!.Value, Value.Note, member.UserId!);
        switch (outcome)
        {
            case ValueOutcome.PeriodTaken:
                ModelState.AddModelError(periodKey, l["Effects_PeriodTaken"]);
                await ReloadAsync();
                return this.InvalidForm("_Indicators", StatusCodes.Status400BadRequest);
            case ValueOutcome.OutsideProject:
                ModelState.AddModelError(periodKey, l["Effects_PeriodOutside"]);
                await ReloadAsync();
                return this.InvalidForm("_Indicators");
        }

        Value = new ValueInput();
        return await this.FormSucceededAsync("_Indicators", ReloadAsync, l["Effects_ValueRecorded"].Value, new { id, budgetId });
    }

    /// <summary>A 404 for anyone who may not see the project; a 403 for a member who sees it but may not change it.</summary>
    private async Task<IActionResult?> DenyAsync(int id, int budgetId)
    {
        if (!await LoadAsync(id, budgetId))
        {
            return NotFound();
        }

        return MayManage ? null : Forbid();
    }

    private async Task<bool> LoadAsync(int id, int budgetId)
    {
        if (await BudgetPageFacts.LoadAsync(db, access, id, budgetId) is not { } project)
        {
            return false;
        }

        Project = project;
        await ReloadAsync();
        return true;
    }

    private async Task ReloadAsync() => Rows = await indicators.ListAsync(Project.BudgetId);
}
