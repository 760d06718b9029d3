using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Marketplace.Web.Courses;

/// <summary>
/// One run of a course as an iCalendar file: every meeting an event at its local time in the town's zone (with the zone's
/// definition, so calendars move it right across daylight saving). The UID is stable per meeting and host, so importing
/// the file again updates the events instead of doubling them.
/// </summary>
public static class CourseCalendar
{
    public sealed record Meeting(int Id, DateOnly Date, TimeOnly StartsAt, TimeOnly EndsAt);

    public static string Render(string host, string timeZoneId, string title, string? place, string url, IEnumerable<Meeting> meetings)
    {
        var calendar = new Calendar();
        calendar.AddTimeZone(new VTimeZone(timeZoneId));
        foreach (var meeting in meetings)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"course-meeting-{meeting.Id}@{host}",
                Summary = title,
                Location = place,
                Url = new Uri(url),
                DtStart = new CalDateTime(meeting.Date.ToDateTime(meeting.StartsAt), timeZoneId),
                DtEnd = new CalDateTime(meeting.Date.ToDateTime(meeting.EndsAt), timeZoneId),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
