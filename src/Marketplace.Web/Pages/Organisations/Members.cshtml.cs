using System.ComponentModel.DataAnnotations;
using Htmx;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Organisations;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Organisations;

/// <summary>
/// The organisation's admins see its members, change roles, remove members and invite by e-mail. Invitations go out only
/// for an approved organisation, from an admin who may take part in the town, within <see cref="InvitationLimit"/>.
/// htmx swaps just the editor.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class MembersModel(AppDbContext db, OrganisationMemberships memberships, CurrentMember currentMember, UserManager<AppUser> users,
    OrganisationMailer mailer, InvitationLimit limit, TenantLinks links, ITenantContext tenant, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public enum InviteState
    {
        Open,

        /// <summary>Pending or rejected: its name is not vouched for, so it invites nobody yet.</summary>
        NotApproved,

        /// <summary>The admin is blocked in this town.</summary>
        Blocked,
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public InviteState Inviting { get; private set; }
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    public sealed record MemberRow(int Id, string UserName, OrganisationRole Role, bool IsSelf);

    public sealed record InvitationRow(string Email, OrganisationRole Role, DateTimeOffset ExpiresAt);

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [EmailAddress(ErrorMessage = "Validation_Email")]
        [StringLength(256, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation_Required")]
        [EnumDataType(typeof(OrganisationRole), ErrorMessage = "Validation_Invalid")]
        [Display(Name = "Field_Role")]
        public OrganisationRole? Role { get; set; } = OrganisationRole.Member;
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await DenyAsync(id) is { } denied)
        {
            return denied;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(int id)
    {
        if (await DenyAsync(id) is { } denied)
        {
            return denied;
        }

        // The editor then says why in place of the form.
        if (Inviting != InviteState.Open)
        {
            ModelState.Clear();
            return await RefusedAsync(StatusCodes.Status403Forbidden);
        }

        var email = Invite.Email?.Trim() ?? "";
        var normalized = users.NormalizeEmail(email);
        if (ModelState.IsValid && await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == id && m.User!.NormalizedEmail == normalized))
        {
            ModelState.AddModelError($"{nameof(Invite)}.{nameof(InviteInput.Email)}", l["Org_AlreadyMember"]);
        }

        if (!ModelState.IsValid)
        {
            return await RefusedAsync();
        }

        var inviter = currentMember.UserId!;
        await using var transaction = await db.Database.BeginTransactionAsync();
        await limit.SerialiseAsync(inviter);
        if (await limit.IsReachedAsync(inviter))
        {
            ModelState.AddModelError(string.Empty, l["Org_Invite_RateLimited", InvitationLimit.PerWindow]);
            return await RefusedAsync(StatusCodes.Status429TooManyRequests);
        }

        // A new invitation revokes an open one to the same address, so only the latest link works; the old one still counts.
        var now = clock.GetUtcNow();
        await db.OrganisationInvitations
            .Where(i => i.OrganisationId == id && i.NormalizedEmail == normalized && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now));
        var token = InvitationTokens.Create();
        var tokenHash = InvitationTokens.Hash(token);
        db.OrganisationInvitations.Add(new OrganisationInvitation
        {
            OrganisationId = id,
            NormalizedEmail = normalized,
            TokenHash = tokenHash,
            Role = Invite.Role!.Value,
            CreatedAt = now,
            ExpiresAt = now + InvitationTokens.Lifetime,
            InvitedByUserId = inviter,
        });

        var town = tenant.Tenant!;
        var culture = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.PreferredCulture).FirstOrDefaultAsync()
            ?? town.DefaultCulture;
        await mailer.QueueInvitationAsync(email, culture, Name, town.Name, links.TownUrl(town.Slug, $"/organisations/invitations/{token}"), tokenHash);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        Invite = new InviteInput();
        return await SucceededAsync(l["Org_Invited", email].Value);
    }

    public async Task<IActionResult> OnPostRoleAsync(int id, int memberId, OrganisationRole role)
    {
        if (await DenyAsync(id) is { } denied)
        {
            return denied;
        }

        ModelState.Clear();
        var member = await db.OrganisationMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId && m.OrganisationId == id);
        if (member is null || !Enum.IsDefined(role))
        {
            return NotFound();
        }

        var changed = await db.RunSerializableAsync(() => UnlessLastAdmin(id, memberId, keepsAdmin: role == OrganisationRole.Admin)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Role, role)));
        if (changed == 0)
        {
            ModelState.AddModelError(string.Empty, l["Org_LastAdmin"]);
            return await RefusedAsync();
        }

        var done = l["Org_RoleChanged"].Value;
        return member.UserId == currentMember.UserId ? LeaveEditor($"/organisations/{id}", done) : await SucceededAsync(done);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int memberId)
    {
        if (await DenyAsync(id) is { } denied)
        {
            return denied;
        }

        ModelState.Clear();
        var member = await db.OrganisationMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId && m.OrganisationId == id);
        if (member is null)
        {
            return NotFound();
        }

        var removed = await db.RunSerializableAsync(() => UnlessLastAdmin(id, memberId, keepsAdmin: false).ExecuteDeleteAsync());
        if (removed == 0)
        {
            ModelState.AddModelError(string.Empty, l["Org_LastAdmin"]);
            return await RefusedAsync();
        }

        var done = l["Org_MemberRemoved"].Value;
        return member.UserId == currentMember.UserId ? LeaveEditor("/organisations", done) : await SucceededAsync(done);
    }

    /// <summary>
    /// The member row, unless the change would leave the organisation without an admin (nobody could manage it any more).
    /// Check and write are one statement, run serializable, so two admins stepping each other down cannot both succeed.
    /// </summary>
    private IQueryable<OrganisationMember> UnlessLastAdmin(int id, int memberId, bool keepsAdmin) =>
        db.OrganisationMembers.Where(m => m.Id == memberId && m.OrganisationId == id
            && (keepsAdmin || m.Role != OrganisationRole.Admin
                || db.OrganisationMembers.Any(o => o.OrganisationId == id && o.Role == OrganisationRole.Admin && o.Id != memberId)));

    /// <summary>An admin who stepped down or left may no longer see this page: the next page shows the outcome.</summary>
    private IActionResult LeaveEditor(string url, string done)
    {
        TempData[HtmxResults.StatusKey] = done;
        if (Request.WantsFragment())
        {
            Response.Htmx(h => h.Redirect(url));
            return new OkResult();
        }

        return Redirect(url);
    }

    private Task<IActionResult> SucceededAsync(string done) => this.FormSucceededAsync("_MemberList", LoadAsync, done, new { id = Id });

    private async Task<IActionResult> RefusedAsync(int statusCode = StatusCodes.Status422UnprocessableEntity)
    {
        await LoadAsync();
        return this.InvalidForm("_MemberList", statusCode);
    }

    private async Task<IActionResult?> DenyAsync(int id)
    {
        Id = id;
        var access = await memberships.AccessAsync(id);
        if (access != OrganisationAccess.Admin)
        {
            return access == OrganisationAccess.Hidden ? NotFound() : Forbid();
        }

        var organisation = await db.Organisations.Where(o => o.Id == id).Select(o => new { o.Name, o.Status }).SingleAsync();
        Name = organisation.Name;
        Inviting = !await currentMember.CanParticipateAsync() ? InviteState.Blocked
            : organisation.Status != OrganisationStatus.Approved ? InviteState.NotApproved
            : InviteState.Open;
        return null;
    }

    private async Task LoadAsync()
    {
        var me = currentMember.UserId;
        Members = await db.OrganisationMembers.AsNoTracking().Where(m => m.OrganisationId == Id)
            .OrderByDescending(m => m.Role).ThenBy(m => m.User!.UserName)
            .Select(m => new MemberRow(m.Id, m.User!.UserName!, m.Role, m.UserId == me))
            .ToListAsync();
        var now = clock.GetUtcNow();
        Invitations = (await db.OrganisationInvitations.AsNoTracking()
                .Where(i => i.OrganisationId == Id && i.AcceptedAt == null && i.RevokedAt == null)
                .Select(i => new InvitationRow(i.NormalizedEmail.ToLower(), i.Role, i.ExpiresAt))
                .ToListAsync())
            .Where(i => i.ExpiresAt > now).OrderBy(i => i.Email).ToList();
    }
}
