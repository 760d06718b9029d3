using Marketplace.Web.Data;
using Marketplace.Web.Mail;
using Marketplace.Web.Matching;

namespace Marketplace.Web.Pages.Matches;

public enum LinkState
{
    Confirm,
    Done,
    Invalid,
    Used,
    Expired,
    NotOpen,
}

/// <summary>A signed match link ("request:accept", "offer:no", ...) read and checked against its single-use token.</summary>
public sealed record MatchLink(Guid TokenId, string Action, bool RequestSide, string Choice, MatchSides Sides)
{
    public static async Task<(LinkState State, MatchLink? Link)> ReadAsync(AppDbContext db, SignedLinks signed, OneClickTokens tokens, string token,
        Guid tenantId, string purpose, string[] choices)
    {
        if (signed.ReadOneClick(token, tenantId) is not { } link || link.Action.Split(':') is not [var side and ("request" or "offer"), var choice]
            || !choices.Contains(choice))
        {
            return (LinkState.Invalid, null);
        }

        var (state, row) = await tokens.CheckAsync(link.TokenId, purpose);
        var sides = row is null ? null : await MatchSides.LoadAsync(db, row.TargetId);
        if (sides is null)
        {
            return (LinkState.Invalid, null);
        }

        var read = new MatchLink(link.TokenId, row!.UsedFor ?? link.Action, side == "request", choice, sides);
        return state switch
        {
            OneClickTokens.State.Valid => (LinkState.Confirm, read),
            OneClickTokens.State.Used => (LinkState.Used, read),
            OneClickTokens.State.Expired => (LinkState.Expired, read),
            _ => (LinkState.Invalid, null),
        };
    }

    /// <summary>
    /// Uses the link's token and applies the answer in one transaction: when the match was no longer open nothing is
    /// answered, so the token stays unused as well.
    /// </summary>
    public async Task<LinkState> RedeemAsync(AppDbContext db, OneClickTokens tokens, Func<Task<bool>> apply)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!await tokens.RedeemAsync(TokenId, Action))
        {
            return LinkState.Used;
        }

        if (!await apply())
        {
            await transaction.RollbackAsync();
            return LinkState.NotOpen;
        }

        await transaction.CommitAsync();
        return LinkState.Done;
    }

    public static int StatusCode(LinkState state) => state switch
    {
        LinkState.Invalid => StatusCodes.Status404NotFound,
        LinkState.Used or LinkState.Expired => StatusCodes.Status410Gone,
        LinkState.NotOpen => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status200OK,
    };
}
