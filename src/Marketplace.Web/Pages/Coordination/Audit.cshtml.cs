using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination;

/// <summary>
/// The town's audit log for its admin: who looked at whose data and who changed what in the office, newest first.
/// Filters are a plain GET form, so a filtered view can be bookmarked or sent on. Dates are the town's calendar days.
/// </summary>
[Authorize(Policy = Policies.TownAdmin)]
public sealed class AuditModel(AppDbContext db, TownClock townClock, IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public AuditAction? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "subject")]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true, Name = "subjectId")]
    public string? SubjectId { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasOlder { get; private set; }
    public IReadOnlyList<string> Actors { get; private set; } = [];
    public IReadOnlyList<string> SubjectTypes { get; private set; } = [];

    public sealed record Row(DateTimeOffset At, string? Actor, AuditAction Action, string SubjectType, string SubjectId, string? Detail);

    /// <summary>Subject types are stored as code words; the ones the office writes have a text, others show as stored.</summary>
    public string SubjectName(string type) => l["Audit_Subject_" + type] is { ResourceNotFound: false } text ? text.Value : type;

    /// <summary>The same filter on another page of results.</summary>
    public string PageLink(int page) => "/coordination/audit" + QueryString.Create(new Dictionary<string, string?>
    {
        ["actor"] = Actor, ["action"] = Kind?.ToString(), ["subject"] = Subject, ["subjectId"] = SubjectId,
        ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"), ["p"] = page.ToString(),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageNumber < 1)
        {
            return NotFound();
        }

        if (From is { } from && To is { } to && to < from)
        {
            ModelState.AddModelError("to", l["Validation_UntilBeforeFrom"]);
        }

        Actors = await db.AuditEntries.Select(a => a.Actor!.UserName).Distinct().OfType<string>().OrderBy(n => n).ToListAsync();
        SubjectTypes = await db.AuditEntries.Select(a => a.SubjectType).Distinct().OrderBy(t => t).ToListAsync();
        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var rows = await Filtered().OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(Paging.Skip(PageNumber, PageSize)).Take(PageSize + 1)
            .Select(a => new Row(a.At, a.Actor!.UserName, a.Action, a.SubjectType, a.SubjectId, a.Detail))
            .ToListAsync();
        HasOlder = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
        return Page();
    }

    private IQueryable<AuditEntry> Filtered()
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var normalized = Actor.Trim().ToUpperInvariant();
            entries = entries.Where(a => a.Actor!.NormalizedUserName == normalized);
        }

        if (Kind is { } kind)
        {
            entries = entries.Where(a => a.Action == kind);
        }

        if (!string.IsNullOrWhiteSpace(Subject))
        {
            var subject = Subject.Trim();
            entries = entries.Where(a => a.SubjectType == subject);
        }

        if (!string.IsNullOrWhiteSpace(SubjectId))
        {
            var subjectId = SubjectId.Trim();
            entries = entries.Where(a => a.SubjectId == subjectId);
        }

        if (From is { } from)
        {
            var start = townClock.StartOfDay(from);
            entries = entries.Where(a => a.At >= start);
        }

        // The last day of the calendar has no next day to end before: up to it means no end.
        if (To is { } to && to < DateOnly.MaxValue)
        {
            var end = townClock.StartOfDay(to.AddDays(1));
            entries = entries.Where(a => a.At < end);
        }

        return entries;
    }
}
