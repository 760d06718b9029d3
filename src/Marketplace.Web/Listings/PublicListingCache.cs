using Marketplace.Web.Infrastructure;

namespace Marketplace.Web.Listings;

/// <summary>
/// What every reader of a list, and every signed-out reader of a listing, is shown: the same for all of them, so a
/// newspaper's readers need not each cost the database the same search. Each instance keeps an answer for at most
/// <see cref="CacheFor"/>; a save on this instance that touches a town's listings, photos, categories, districts or
/// organisations forgets that town's answers at once (Data/ReferenceDataInvalidation), other instances within that time.
/// At most <see cref="MaxEntries"/> answers are kept. Readers who are signed in read the database themselves for a
/// listing's page: what they see there depends on who they are.
/// </summary>
public sealed class PublicListingCache() : ScopedCache<Guid>(CacheFor, MaxEntries)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    public const int MaxEntries = 10_000;
}
