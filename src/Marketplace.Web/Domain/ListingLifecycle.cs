namespace Marketplace.Web.Domain;

public enum ListingAction
{
    Publish,
    Pause,
    Resume,
    Renew,
    Fulfil,
    Close,
}

/// <summary>
/// The rules of a listing's life: which action is allowed in which state and what it changes. A published
/// listing whose end has passed counts as expired even before the nightly job has marked it.
/// </summary>
public static class ListingLifecycle
{
    public static ListingStatus EffectiveStatus(ListingStatus status, DateTimeOffset? expiresAt, DateTimeOffset now) =>
        status == ListingStatus.Published && expiresAt <= now ? ListingStatus.Expired : status;

    public static bool IsAllowed(ListingAction action, ListingStatus effectiveStatus) => action switch
    {
        ListingAction.Publish => effectiveStatus == ListingStatus.Draft,
        ListingAction.Pause => effectiveStatus == ListingStatus.Published,
        ListingAction.Resume => effectiveStatus == ListingStatus.Paused,
        ListingAction.Renew => effectiveStatus is ListingStatus.Published or ListingStatus.Paused or ListingStatus.Expired,
        ListingAction.Fulfil => effectiveStatus is ListingStatus.Published or ListingStatus.Paused or ListingStatus.Expired,
        ListingAction.Close => effectiveStatus is not (ListingStatus.Closed or ListingStatus.Fulfilled),
        _ => false,
    };

    /// <summary>
    /// Whether the poster is offered the action now: allowed in the state, and a renewal only while at most one run
    /// length (<paramref name="lifetimeDays"/>) remains, so each renewal moves the end by a whole run length and a
    /// listing never runs more than two ahead without its poster saying it is still current.
    /// </summary>
    public static bool IsOffered(ListingAction action, ListingStatus status, DateTimeOffset? expiresAt, DateTimeOffset now, int lifetimeDays) =>
        IsAllowed(action, EffectiveStatus(status, expiresAt, now))
        && (action != ListingAction.Renew || expiresAt is null || expiresAt <= now.AddDays(lifetimeDays));

    /// <summary>
    /// The actions that show the listing to others again; they need the poster's right to take part in the town
    /// (a blocked poster may still pause, close or mark it fulfilled).
    /// </summary>
    public static bool MakesVisible(ListingAction action) => action is ListingAction.Publish or ListingAction.Resume or ListingAction.Renew;

    /// <summary>Applies the action; returns false (and changes nothing) when it is not offered now (<see cref="IsOffered"/>).</summary>
    public static bool Apply(Listing listing, ListingAction action, DateTimeOffset now, int lifetimeDays)
    {
        if (!IsOffered(action, listing.Status, listing.ExpiresAt, now, lifetimeDays))
        {
            return false;
        }

        switch (action)
        {
            case ListingAction.Publish:
                listing.Status = ListingStatus.Published;
                listing.PublishedAt ??= now;
                listing.ExpiresAt = now.AddDays(lifetimeDays);
                break;
            case ListingAction.Renew:
                // From its end while it still runs, so renewing early never shortens it or leaves the date where it was.
                listing.Status = ListingStatus.Published;
                listing.PublishedAt ??= now;
                listing.ExpiresAt = (listing.ExpiresAt > now ? listing.ExpiresAt.Value : now).AddDays(lifetimeDays);
                break;
            case ListingAction.Resume:
                // A pause does not eat into the listing's time: it runs at least a week after resuming.
                listing.Status = ListingStatus.Published;
                if (listing.ExpiresAt is null || listing.ExpiresAt < now.AddDays(7))
                {
                    listing.ExpiresAt = now.AddDays(Math.Min(7, lifetimeDays));
                }

                break;
            case ListingAction.Pause:
                listing.Status = ListingStatus.Paused;
                break;
            case ListingAction.Fulfil:
                listing.Status = ListingStatus.Fulfilled;
                listing.FulfilledAt = now;
                break;
            case ListingAction.Close:
                listing.Status = ListingStatus.Closed;
                break;
        }

        listing.UpdatedAt = now;
        return true;
    }
}
