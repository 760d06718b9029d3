using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Coordination.Moderation;

/// <summary>Every recorded moderation step of the town, newest first: who (or "automatic"), when, what, on what, why.</summary>
public sealed class LogModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<LogRow> Rows { get; private set; } = [];
    public bool HasOlder { get; private set; }

    public sealed record LogRow(DateTimeOffset At, string? Actor, ModerationActionKind Kind, TargetKey Target, TargetState? State, string? Reason);

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageNumber < 1)
        {
            return NotFound();
        }

        var actions = await db.ModerationActions.AsNoTracking()
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(Paging.Skip(PageNumber, PageSize)).Take(PageSize + 1)
            .Select(a => new
            {
                a.At,
                Actor = db.Users.Where(u => u.Id == a.ActorUserId).Select(u => u.UserName).FirstOrDefault(),
                a.Kind,
                a.TargetType,
                a.TargetId,
                a.Reason,
            })
            .ToListAsync();
        HasOlder = actions.Count > PageSize;
        var shown = actions.Take(PageSize).ToList();
        var keys = shown.Select(a => TargetKey.Parse(a.TargetType, a.TargetId)).OfType<TargetKey>().ToList();
        var states = await ModerationTargets.LoadAsync(db, keys);
        Rows = shown.Select(a =>
        {
            var key = TargetKey.Parse(a.TargetType, a.TargetId) ?? new TargetKey(a.TargetType, a.TargetId);
            return new LogRow(a.At, a.Actor, a.Kind, key, states.GetValueOrDefault(key), a.Reason);
        }).ToList();
        return Page();
    }
}
