using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace Marketplace.Web.Gaps;

/// <summary>
/// New gap cells of a town as an Atom 1.0 feed (/gaps.atom), newest week first, each linking to /gaps. An entry's id is a
/// tag URI (RFC 4151) of the town's host, the week, the category and the district, so a feed reader shows a gap once
/// however often it polls, and a gap that ends and comes back in a later week is a new entry.
/// </summary>
public static class GapsFeed
{
    public sealed record Entry(string Title, string Summary, NewGapCell Gap, DateTimeOffset WeekEnd);

    public static string EntryId(string host, NewGapCell gap) =>
        string.Create(CultureInfo.InvariantCulture,
            $"tag:{host},{gap.WeekStart:yyyy-MM-dd}:gaps/{PublicGaps.IsoWeek(gap.WeekStart)}/category-{gap.Category.Id}/district-{gap.District.Id}");

    public static byte[] Render(string baseUrl, string host, string title, DateTimeOffset updated, IEnumerable<Entry> entries)
    {
        var page = new Uri(baseUrl + "/gaps");
        var feed = new SyndicationFeed(title, null, page, "tag:" + host + ",2026:gaps", updated)
        {
            Items = entries.Select(e => new SyndicationItem(e.Title, e.Summary, page, EntryId(host, e.Gap), e.WeekEnd) { PublishDate = e.WeekEnd }).ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri(baseUrl + "/gaps.atom"), "self", null, "application/atom+xml", 0));

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return stream.ToArray();
    }
}
