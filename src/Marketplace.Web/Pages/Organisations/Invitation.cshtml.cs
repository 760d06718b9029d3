using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Organisations;

public enum InvitationState
{
    Open,
    /// <summary>No invitation has this token: mistyped, cut off or tampered with.</summary>
    Unknown,
    Expired,
    Used,
    /// <summary>Sent to another e-mail address than the signed-in account's confirmed one.</summary>
    OtherAccount,
    /// <summary>The account has not joined this town yet.</summary>
    NotTownMember,
}

/// <summary>
/// The link of an invitation mail. Showing it changes nothing; accepting is a POST by the signed-in town member
/// whose confirmed e-mail address the invitation was sent to.
/// </summary>
[Authorize]
public sealed class InvitationModel(AppDbContext db, CurrentMember currentMember, UserManager<AppUser> users, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public InvitationState State { get; private set; }
    public string OrganisationName { get; private set; } = "";
    public OrganisationRole Role { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var invitation = await CheckAsync(token);
        return invitation is null ? Refused() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var invitation = await CheckAsync(token);
        if (invitation is null)
        {
            return Refused();
        }

        if (!await currentMember.CanParticipateAsync())
        {
            return Forbid();
        }

        var userId = currentMember.UserId!;
        var now = clock.GetUtcNow();
        var member = await db.OrganisationMembers.SingleOrDefaultAsync(m => m.OrganisationId == invitation.OrganisationId && m.UserId == userId);
        if (member is null)
        {
            db.OrganisationMembers.Add(new OrganisationMember
            {
                OrganisationId = invitation.OrganisationId, UserId = userId, Role = invitation.Role, JoinedAt = now,
            });
        }
        else if (member.Role < invitation.Role)
        {
            member.Role = invitation.Role;
        }

        invitation.AcceptedAt = now;
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Org_Invitation_Accepted", OrganisationName].Value;
        return RedirectToPage("Details", new { id = invitation.OrganisationId });
    }

    /// <summary>The invitation if it may be accepted by the signed-in account; otherwise null with <see cref="State"/> saying why.</summary>
    private async Task<OrganisationInvitation?> CheckAsync(string token)
    {
        var hash = InvitationTokens.Hash(token ?? "");
        var invitation = await db.OrganisationInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash);

        // A replaced invitation stays for the inviter's count, but its link opens nothing.
        if (invitation is null || invitation.RevokedAt is not null)
        {
            State = InvitationState.Unknown;
            return null;
        }

        OrganisationName = await db.Organisations.Where(o => o.Id == invitation.OrganisationId).Select(o => o.Name).SingleAsync();
        Role = invitation.Role;
        var user = await users.GetUserAsync(User);
        State = invitation switch
        {
            { AcceptedAt: not null } => InvitationState.Used,
            _ when invitation.ExpiresAt <= clock.GetUtcNow() => InvitationState.Expired,
            _ when user is not { EmailConfirmed: true } || user.NormalizedEmail != invitation.NormalizedEmail => InvitationState.OtherAccount,
            _ when await currentMember.RoleAsync() is null => InvitationState.NotTownMember,
            _ => InvitationState.Open,
        };
        return State == InvitationState.Open ? invitation : null;
    }

    private PageResult Refused()
    {
        var result = Page();
        result.StatusCode = State switch
        {
            InvitationState.Unknown => StatusCodes.Status404NotFound,
            InvitationState.Expired or InvitationState.Used => StatusCodes.Status410Gone,
            _ => StatusCodes.Status403Forbidden,
        };
        return result;
    }
}
