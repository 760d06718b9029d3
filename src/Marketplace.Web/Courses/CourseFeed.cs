using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace Marketplace.Web.Courses;

/// <summary>The newest courses of a town as an Atom 1.0 feed, so people and the town's website can follow the catalogue.</summary>
public static class CourseFeed
{
    public const int Entries = 30;

    public sealed record Entry(int Id, string Title, string Summary, string Provider, DateTimeOffset CreatedAt);

    public static byte[] Render(string baseUrl, string title, DateTimeOffset updated, IEnumerable<Entry> entries)
    {
        var feed = new SyndicationFeed(title, null, new Uri(baseUrl + "/courses"), baseUrl + "/courses/feed", updated)
        {
            Items = entries.Select(e =>
            {
                var item = new SyndicationItem(e.Title, e.Summary, new Uri($"{baseUrl}/courses/{e.Id}"), $"{baseUrl}/courses/{e.Id}", e.CreatedAt)
                {
                    PublishDate = e.CreatedAt,
                };
                item.Authors.Add(new SyndicationPerson { Name = e.Provider });
                return item;
            }).ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri(baseUrl + "/courses/feed"), "self", null, "application/atom+xml", 0));

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return stream.ToArray();
    }
}
