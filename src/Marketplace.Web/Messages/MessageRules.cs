using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Domain;

namespace Marketplace.Web.Messages;

public static class MessageRules
{
    /// <summary>Messages one account may send in a town within <see cref="RateWindow"/>.</summary>
    public const int MessagesPerWindow = 30;

    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(10);

    /// <summary>A follow-up from the same side within this time after the previous one sends no further mail.</summary>
    public static readonly TimeSpan MailQuietPeriod = TimeSpan.FromMinutes(10);
}

/// <summary>The text of a message, with line breaks as a single "\n" so the length matches what the browser counted.</summary>
public sealed class MessageInput
{
    private string _body = "";

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(Message.BodyMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Messages_Field_Body")]
    public string Body
    {
        get => _body;
        set => _body = value?.ReplaceLineEndings("\n") ?? "";
    }
}
