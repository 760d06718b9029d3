using Marketplace.Web.Localization;

namespace Marketplace.Web.Mail;

/// <summary>
/// Everything a mail says, already in the recipient's language. One content renders twice: to HTML through the Razor
/// template <see cref="Templates.MailBody"/> and to plain text through <see cref="MailText"/>, so both bodies always agree.
/// </summary>
public sealed record MailContent(string Subject, string Greeting, IReadOnlyList<string> Paragraphs)
{
    /// <summary>The one thing to do, shown as a button (HTML) or a labelled address (text).</summary>
    public MailLink? Action { get; init; }

    /// <summary>Paragraphs after the action, e.g. "if this was not you, ignore this mail".</summary>
    public IReadOnlyList<string> AfterAction { get; init; } = [];

    /// <summary>Further one-click choices shown after the action (e.g. "fulfilled", "close").</summary>
    public IReadOnlyList<MailLink> MoreActions { get; init; } = [];

    public IReadOnlyList<MailSection> Sections { get; init; } = [];

    /// <summary>Quoted text (e.g. a message, when the town allows it), kept apart from the platform's own words.</summary>
    public string? Quote { get; init; }

    public IReadOnlyList<string> Footer { get; init; } = [];

    /// <summary>The visible unsubscribe link; the same address goes into the List-Unsubscribe header.</summary>
    public MailLink? Unsubscribe { get; init; }

    /// <summary>
    /// Builds the content from a translated body whose paragraphs are separated by blank lines: the first is the greeting,
    /// the paragraph that is just <paramref name="link"/> becomes the action button labelled <paramref name="actionLabel"/>.
    /// </summary>
    public static MailContent FromBody(string subject, string body, string link, string actionLabel)
    {
        var paragraphs = body.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // The link may come isolated (IsolatingLocalizer) like any other argument.
        var at = Array.FindIndex(paragraphs, p => Bidi.Unwrap(p) == link);
        var before = at < 0 ? paragraphs[1..] : paragraphs[1..at];
        var after = at < 0 ? [] : paragraphs[(at + 1)..];
        return new MailContent(subject, paragraphs.Length > 0 ? paragraphs[0] : "", before)
        {
            Action = new MailLink(actionLabel, link),
            AfterAction = after,
        };
    }
}

public sealed record MailLink(string Label, string Url);

/// <summary>A headed list of items, e.g. a digest's new offers.</summary>
public sealed record MailSection(string Heading, IReadOnlyList<MailItem> Items);

/// <summary>One listing in a digest: title with its link, a line of facts, and an optional second link ("we can help").</summary>
public sealed record MailItem(string Title, string Url, string Facts, MailLink? Reply = null);

/// <summary>Who sends: the town's name and colour head every mail; direction follows the recipient's language.</summary>
public sealed record MailBranding(string TownName, string AccentColour, string Culture, bool RightToLeft);
