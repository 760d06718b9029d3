using Marketplace.Web.Infrastructure;

namespace Marketplace.Web.Courses;

/// <summary>
/// The town's course lists, which are the same for every reader of them: the public catalogue for everyone, the office's
/// run overview for every coordinator of the town. Each instance keeps an answer for at most <see cref="CacheFor"/>; a
/// save on this instance that touches a town's courses, runs, meetings, seats, waiting lists, qualification grants,
/// organisations or districts forgets that town's answers at once (Data/ReferenceDataInvalidation), other instances
/// within that time. Seat numbers shown may so be some seconds old; enrolling itself always counts the seats in its own
/// transaction (Courses/CourseSeats).
/// </summary>
public sealed class CourseListCache() : ScopedCache<Guid>(CacheFor, MaxEntries)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    public const int MaxEntries = 10_000;
}
