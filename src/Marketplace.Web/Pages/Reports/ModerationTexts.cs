using Marketplace.Web.Domain;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Reports;

/// <summary>Labels of the moderation enums; whole keys, so the resource test sees each one.</summary>
public static class ModerationTexts
{
    public static LocalizedString Reason(IStringLocalizer l, ReportReason reason) => reason switch
    {
        ReportReason.Spam => l["Moderation_ReasonSpam"],
        ReportReason.Offensive => l["Moderation_ReasonOffensive"],
        ReportReason.Fraud => l["Moderation_ReasonFraud"],
        ReportReason.PersonalData => l["Moderation_ReasonPersonalData"],
        ReportReason.Dangerous => l["Moderation_ReasonDangerous"],
        _ => l["Moderation_ReasonOther"],
    };

    public static LocalizedString Target(IStringLocalizer l, ReportTarget target) => target switch
    {
        ReportTarget.Listing => l["Moderation_TargetListing"],
        ReportTarget.Message => l["Moderation_TargetMessage"],
        _ => l["Moderation_TargetUser"],
    };

    public static LocalizedString Kind(IStringLocalizer l, ModerationActionKind kind) => kind switch
    {
        ModerationActionKind.Hide => l["Moderation_KindHide"],
        ModerationActionKind.Restore => l["Moderation_KindRestore"],
        ModerationActionKind.Close => l["Moderation_KindClose"],
        ModerationActionKind.Block => l["Moderation_KindBlock"],
        ModerationActionKind.Unblock => l["Moderation_KindUnblock"],
        ModerationActionKind.Dismiss => l["Moderation_KindDismiss"],
        _ => l["Moderation_KindAutoHide"],
    };
}
