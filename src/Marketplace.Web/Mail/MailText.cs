using System.Text;
using Marketplace.Web.Localization;

namespace Marketplace.Web.Mail;

/// <summary>The plain-text alternative of a <see cref="MailContent"/>: the same words, links written out.</summary>
public static class MailText
{
    public static string Render(MailContent content, MailBranding branding)
    {
        var text = new StringBuilder();
        text.Append(Bidi.Isolate(branding.TownName)).Append("\n\n");
        text.Append(content.Greeting).Append("\n\n");
        foreach (var paragraph in content.Paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        if (content.Quote is { } quote)
        {
            // Each line is a paragraph of its own to a plain-text reader, so each is isolated.
            text.AppendJoin('\n', quote.ReplaceLineEndings("\n").Split('\n').Select(Bidi.Isolate)).Append("\n\n");
        }

        if (content.Action is { } action)
        {
            AppendLink(text, action);
        }

        foreach (var paragraph in content.AfterAction)
        {
            text.Append(paragraph).Append("\n\n");
        }

        foreach (var more in content.MoreActions)
        {
            AppendLink(text, more);
        }

        foreach (var section in content.Sections)
        {
            text.Append(section.Heading).Append('\n').Append(new string('-', Math.Min(section.Heading.Length, 60))).Append("\n\n");
            foreach (var item in section.Items)
            {
                text.Append("* ").Append(Bidi.Isolate(item.Title)).Append('\n');
                text.Append("  ").Append(item.Facts).Append('\n');
                text.Append("  ").Append(item.Url).Append('\n');
                if (item.Reply is { } reply)
                {
                    text.Append("  ").Append(reply.Label).Append(": ").Append(reply.Url).Append('\n');
                }

                text.Append('\n');
            }
        }

        text.Append("-- \n");
        foreach (var line in content.Footer)
        {
            text.Append(line).Append('\n');
        }

        if (content.Unsubscribe is { } unsubscribe)
        {
            text.Append(unsubscribe.Label).Append(": ").Append(unsubscribe.Url).Append('\n');
        }

        return text.ToString();
    }

    private static void AppendLink(StringBuilder text, MailLink link) =>
        text.Append(link.Label).Append(":\n").Append(link.Url).Append("\n\n");
}
