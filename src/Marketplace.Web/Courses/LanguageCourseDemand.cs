namespace Marketplace.Web.Courses;

/// <summary>Demand for language courses: the interest register's aggregation and the office's "a course could start here" notice.</summary>
public sealed class LanguageCourseDemand
{
    public Task<int> NotifyReachedAsync() => Task.FromResult(0);
}
