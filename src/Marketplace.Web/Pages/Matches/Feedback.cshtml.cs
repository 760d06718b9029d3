using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Mail;
using Marketplace.Web.Matching;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Matches;

/// <summary>"Did it happen, did it help?" from the mail, without logging in; the answer settles the match's status.</summary>
public sealed class FeedbackModel(AppDbContext db, SignedLinks signed, OneClickTokens tokens, MatchFeedbackRequests feedback, ITenantContext tenant)
    : PageModel
{
    public LinkState State { get; private set; }
    public MatchLink? Link { get; private set; }

    [BindProperty]
    public FeedbackInput Input { get; set; } = new();

    public sealed class FeedbackInput
    {
        public bool Happened { get; set; } = true;

        [Range(1, 5, ErrorMessage = "Validation_Range")]
        [Display(Name = "Field_MatchRating")]
        public int? Rating { get; set; }

        [StringLength(Match.CommentMaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_MatchComment")]
        public string? Comment { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        (State, Link) = await ReadAsync(token);
        Input.Happened = Link?.Choice != "no";
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        (State, Link) = await ReadAsync(token);
        if (State != LinkState.Confirm)
        {
            return Show();
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        State = await Link!.RedeemAsync(db, tokens, async () =>
            await feedback.RecordAsync(Link.Sides.MatchId, Link.RequestSide, Input.Happened, Input.Rating, Input.Comment) is not null);
        return Show();
    }

    private Task<(LinkState, MatchLink?)> ReadAsync(string token) =>
        MatchLink.ReadAsync(db, signed, tokens, token, tenant.TenantId ?? Guid.Empty, MatchFeedbackRequests.Purpose, ["yes", "no"]);

    private PageResult Show()
    {
        var page = Page();
        page.StatusCode = MatchLink.StatusCode(State);
        return page;
    }
}
