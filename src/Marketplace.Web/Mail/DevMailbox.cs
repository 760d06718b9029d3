using System.Text.RegularExpressions;
using MimeKit;

namespace Marketplace.Web.Mail;

/// <summary>Reads the development pickup folder for /dev/mail.</summary>
public sealed partial class DevMailbox(PickupFolder folder)
{
    public sealed record Summary(string Id, string To, string Subject, DateTimeOffset Date);

    /// <summary>A run of plain text or a link, so the page can render links without building HTML in code.</summary>
    public sealed record Segment(string Text, bool IsLink);

    public sealed record Message(Summary Summary, IReadOnlyList<Segment> Body);

    public IReadOnlyList<Summary> List(int max = 100)
    {
        if (!Directory.Exists(folder.Path))
        {
            return [];
        }

        return new DirectoryInfo(folder.Path).GetFiles("*.eml").OrderByDescending(f => f.Name).Take(max)
            .Select(f => Summarize(Path.GetFileNameWithoutExtension(f.Name), MimeMessage.Load(f.FullName))).ToList();
    }

    public Message? Find(string id)
    {
        if (!FileIdPattern().IsMatch(id))
        {
            return null;
        }

        var path = Path.Combine(folder.Path, id + ".eml");
        if (!File.Exists(path))
        {
            return null;
        }

        var mail = MimeMessage.Load(path);
        return new Message(Summarize(id, mail), Split(mail.TextBody ?? ""));
    }

    private static Summary Summarize(string id, MimeMessage mail) =>
        new(id, string.Join(", ", mail.To.Mailboxes.Select(m => m.Address)), mail.Subject ?? "", mail.Date);

    private static List<Segment> Split(string text)
    {
        var segments = new List<Segment>();
        var last = 0;
        foreach (Match match in UrlPattern().Matches(text))
        {
            segments.Add(new Segment(text[last..match.Index], false));
            segments.Add(new Segment(match.Value, true));
            last = match.Index + match.Length;
        }

        segments.Add(new Segment(text[last..], false));
        return segments;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex UrlPattern();

    [GeneratedRegex("^[0-9a-f-]+$")]
    private static partial Regex FileIdPattern();
}
