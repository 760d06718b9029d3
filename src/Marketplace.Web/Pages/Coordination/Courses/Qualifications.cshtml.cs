using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination.Courses;

/// <summary>
/// The town's catalogue of qualifications (coordinators and town admins): add, edit, retire; what each includes (no
/// cycle); which of the town's courses grant it; how many people hold it today. The office also records a grant by hand
/// here, for proof it has seen (a first-aid card from elsewhere), never to itself.
/// </summary>
public sealed partial class QualificationsModel(AppDbContext db, CurrentMember member, AuditLog audit, QualificationGrants grants,
    TownClock townClock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int NameMaxLength = 80;

    public static readonly string[] NameLanguages = Categories.IndexModel.NameLanguages;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> Courses { get; private set; } = [];

    /// <summary>The qualification whose edit was refused (its form shows what was typed); 0 for the add form.</summary>
    public int? FailedId { get; private set; }

    public bool GrantFailed { get; private set; }

    public sealed record Row(int Id, string Key, TranslatedText Names, string? Description, IReadOnlyList<int> Includes, bool IsRetired, int Holders,
        IReadOnlyList<(int Id, string Title)> Courses)
    {
        public string Name(string language) => Names.TryGetValue(language, out var name) ? name : "";
    }

    public static string NameField(string language) => $"Input.Names[{language}]";

    /// <summary>What a field of a qualification's form shows: the typed value in the refused form, else the stored one.</summary>
    public string? Value(int? formId, string field, string? stored) => FailedId == formId ? Request.Form[field].FirstOrDefault() : stored;

    public bool Includes(int? formId, Row? row, int other) =>
        FailedId == formId ? Request.Form["Input.Includes"].Contains(other.ToString(CultureInfo.InvariantCulture)) : row?.Includes.Contains(other) == true;

    public string NameOf(int id) => Rows.FirstOrDefault(r => r.Id == id)?.Names.In(CultureInfo.CurrentUICulture.Name) ?? "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        var input = ReadInput();
        await CheckAsync(null, input);
        if (!ModelState.IsValid)
        {
            FailedId = 0;
            await LoadAsync();
            return this.InvalidForm();
        }

        var qualification = new Qualification
        {
            Key = input.Key, Names = TranslatedText.From(input.Names), Description = input.Description, IncludesQualificationIds = input.Includes,
        };
        db.Qualifications.Add(qualification);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another coordinator took the key between the check and the save.
            db.Entry(qualification).State = EntityState.Detached;
            ModelState.AddModelError("Input.Key", l["Quals_KeyTaken"]);
            FailedId = 0;
            await LoadAsync();
            return this.InvalidForm();
        }

        audit.Record(AuditAction.ChangedQualification, "qualification", qualification.Id, $"{qualification.Key}: added");
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Quals_Saved", qualification.Names.In(CultureInfo.CurrentUICulture.Name)].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id)
    {
        var qualification = await db.Qualifications.SingleOrDefaultAsync(q => q.Id == id);
        if (qualification is null)
        {
            return NotFound();
        }

        var input = ReadInput();
        await CheckAsync(qualification, input);
        if (!ModelState.IsValid)
        {
            FailedId = id;
            await LoadAsync();
            return this.InvalidForm();
        }

        qualification.Key = input.Key;
        qualification.Names = TranslatedText.From(input.Names);
        qualification.Description = input.Description;
        qualification.IncludesQualificationIds = input.Includes;
        audit.Record(AuditAction.ChangedQualification, "qualification", id, $"{qualification.Key}: includes {string.Join(",", input.Includes)}");
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Quals_Saved", qualification.Names.In(CultureInfo.CurrentUICulture.Name)].Value;
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostRetireAsync(int id) => SetRetiredAsync(id, true);

    public Task<IActionResult> OnPostReactivateAsync(int id) => SetRetiredAsync(id, false);

    public async Task<IActionResult> OnPostAddCourseAsync(int id, int course)
    {
        if (!await db.Qualifications.AnyAsync(q => q.Id == id) || !await db.Courses.AnyAsync(c => c.Id == course))
        {
            return NotFound();
        }

        if (!await db.CourseQualifications.AnyAsync(c => c.CourseId == course && c.QualificationId == id))
        {
            db.CourseQualifications.Add(new CourseQualification { CourseId = course, QualificationId = id });
            audit.Record(AuditAction.ChangedQualification, "qualification", id, $"granted by course {course}");
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Added by another coordinator at the same moment: the unique index kept one, which is what was asked.
            }
        }

        TempData[HtmxResults.StatusKey] = l["Quals_CoursesSaved"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveCourseAsync(int id, int course)
    {
        var link = await db.CourseQualifications.SingleOrDefaultAsync(c => c.CourseId == course && c.QualificationId == id);
        if (link is null)
        {
            return NotFound();
        }

        db.CourseQualifications.Remove(link);
        audit.Record(AuditAction.ChangedQualification, "qualification", id, $"no longer granted by course {course}");
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Quals_CoursesSaved"].Value;
        return RedirectToPage();
    }

    /// <summary>A grant recorded by hand: the member by user name, the qualification, from when and until when (empty: for good).</summary>
    public async Task<IActionResult> OnPostGrantAsync(string? grantUser, int? grantQualification, DateOnly? grantOn, DateOnly? grantUntil)
    {
        var userName = grantUser?.Trim();
        var userId = string.IsNullOrEmpty(userName)
            ? null
            : await db.Memberships.Where(m => m.User!.UserName == userName).Select(m => m.UserId).SingleOrDefaultAsync();
        if (string.IsNullOrEmpty(userName))
        {
            ModelState.AddModelError("grantUser", l["Validation_Required", l["Quals_Field_Member"]]);
        }
        else if (userId is null)
        {
            ModelState.AddModelError("grantUser", l["Quals_MemberUnknown"]);
        }

        if (grantQualification is null)
        {
            ModelState.AddModelError("grantQualification", l["Validation_Required", l["Quals_Field_Qualification"]]);
        }

        if (grantOn is null)
        {
            ModelState.AddModelError("grantOn", l["Validation_Required", l["Quals_Field_GrantedOn"]]);
        }
        else if (grantOn > townClock.Today())
        {
            ModelState.AddModelError("grantOn", l["Quals_GrantedInFuture"]);
        }

        if (grantOn is { } on && grantUntil is { } until && until < on)
        {
            ModelState.AddModelError("grantUntil", l["Quals_UntilBeforeFrom"]);
        }

        var outcome = ModelState.IsValid ? await grants.RecordAsync(userId!, grantQualification!.Value, grantOn!.Value, grantUntil, member.UserId!) : GrantOutcome.Invalid;
        switch (outcome)
        {
            case GrantOutcome.OwnGrant:
                ModelState.AddModelError("grantUser", l["Quals_OwnGrant"]);
                break;
            case GrantOutcome.NotFound:
                ModelState.AddModelError("grantQualification", l["Quals_QualificationUnknown"]);
                break;
        }

        if (outcome != GrantOutcome.Granted)
        {
            GrantFailed = true;
            await LoadAsync();
            var page = this.InvalidForm();
            page.StatusCode = outcome == GrantOutcome.OwnGrant ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity;
            return page;
        }

        TempData[HtmxResults.StatusKey] = l["Quals_Granted", userName!].Value;
        return RedirectToPage();
    }

    private async Task<IActionResult> SetRetiredAsync(int id, bool retired)
    {
        var qualification = await db.Qualifications.SingleOrDefaultAsync(q => q.Id == id);
        if (qualification is null)
        {
            return NotFound();
        }

        qualification.IsRetired = retired;
        audit.Record(AuditAction.ChangedQualification, "qualification", id, $"{qualification.Key}: {(retired ? "retired" : "reactivated")}");
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Quals_Saved", qualification.Names.In(CultureInfo.CurrentUICulture.Name)].Value;
        return RedirectToPage();
    }

    private sealed record QualificationInput(string Key, IReadOnlyList<KeyValuePair<string, string?>> Names, string? Description, List<int> Includes);

    private QualificationInput ReadInput()
    {
        var form = Request.Form;
        var includes = form["Input.Includes"].Select(v => int.TryParse(v, CultureInfo.InvariantCulture, out var i) ? i : -1).Distinct().ToList();
        var description = form["Input.Description"].FirstOrDefault()?.Trim();
        return new QualificationInput(form["Input.Key"].FirstOrDefault()?.Trim().ToLowerInvariant() ?? "",
            NameLanguages.Select(language => KeyValuePair.Create(language, form[NameField(language)].FirstOrDefault())).ToList(),
            string.IsNullOrEmpty(description) ? null : description, includes);
    }

    private async Task CheckAsync(Qualification? editing, QualificationInput input)
    {
        if (input.Key.Length == 0)
        {
            ModelState.AddModelError("Input.Key", l["Validation_Required", l["Quals_Field_Key"]]);
        }
        else if (input.Key.Length > Qualification.KeyMaxLength || !KeyPattern().IsMatch(input.Key))
        {
            ModelState.AddModelError("Input.Key", l["Quals_KeyInvalid", Qualification.KeyMaxLength]);
        }
        else if (await db.Qualifications.AnyAsync(q => q.Key == input.Key && q.Id != (editing == null ? 0 : editing.Id)))
        {
            ModelState.AddModelError("Input.Key", l["Quals_KeyTaken"]);
        }

        foreach (var (language, name) in input.Names)
        {
            var label = l[$"Field_CategoryName_{language}"];
            if (string.IsNullOrWhiteSpace(name))
            {
                if (language == TranslatedText.Neutral)
                {
                    ModelState.AddModelError(NameField(language), l["Validation_Required", label]);
                }
            }
            else if (name.Trim().Length > NameMaxLength)
            {
                ModelState.AddModelError(NameField(language), l["Validation_MaxLength", label, NameMaxLength]);
            }
        }

        if (input.Description is { Length: > Qualification.DescriptionMaxLength })
        {
            ModelState.AddModelError("Input.Description", l["Validation_MaxLength", l["Quals_Field_Description"], Qualification.DescriptionMaxLength]);
        }

        var includes = await db.Qualifications.AsNoTracking().Select(q => new { q.Id, q.IncludesQualificationIds }).ToDictionaryAsync(q => q.Id, q => q.IncludesQualificationIds);
        if (input.Includes.Any(i => !includes.ContainsKey(i)))
        {
            ModelState.AddModelError("Input.Includes", l["Quals_QualificationUnknown"]);
        }
        else if (editing is not null && (input.Includes.Contains(editing.Id) || QualificationCoverage.MakesCycle(editing.Id, input.Includes, includes)))
        {
            ModelState.AddModelError("Input.Includes", l["Quals_IncludesCycle"]);
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    private async Task LoadAsync()
    {
        var today = townClock.Today();
        var all = await db.Qualifications.AsNoTracking().OrderBy(q => q.IsRetired).ThenBy(q => q.Key).ToListAsync();
        var includes = all.ToDictionary(q => q.Id, q => q.IncludesQualificationIds);
        var held = (await db.QualificationGrants.AsNoTracking().Select(g => new { g.UserId, g.QualificationId, g.GrantedOn, g.ValidUntil }).ToListAsync())
            .Where(g => CourseRules.HoldsOn(g.GrantedOn, g.ValidUntil, today))
            .GroupBy(g => g.UserId)
            .Select(g => CourseRules.WithIncluded(g.Select(x => x.QualificationId), includes))
            .ToList();
        Courses = (await db.Courses.AsNoTracking().Where(c => !c.IsWithdrawn).OrderBy(c => c.Title).Select(c => new { c.Id, c.Title }).ToListAsync())
            .Select(c => (c.Id, c.Title)).ToList();
        var links = (await db.CourseQualifications.AsNoTracking().Join(db.Courses, c => c.CourseId, c => c.Id, (g, c) => new { g.QualificationId, g.CourseId, c.Title })
                .ToListAsync())
            .ToLookup(c => c.QualificationId, c => (c.CourseId, c.Title));
        Rows = all.Select(q => new Row(q.Id, q.Key, q.Names, q.Description, q.IncludesQualificationIds, q.IsRetired, held.Count(h => h.Contains(q.Id)),
            links[q.Id].OrderBy(c => c.Title).ToList())).ToList();
    }
}

/// <summary>The page and the qualification one fields partial renders (null: the add form).</summary>
public sealed record QualificationFieldsView(QualificationsModel Page, QualificationsModel.Row? Row);
