using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination;

/// <summary>
/// The audit log's details in words. The office's actions store short notes in fixed shapes ("rows=12", "New → OnHold",
/// "request: yes", "match 3: Offer 15"); the log is read by people, so each known shape is said in their language here,
/// at reading time, which also covers the entries written before. A detail of any other shape (a name, a list of
/// districts) is shown as stored. Names in a detail come between FSI and PDI (<see cref="Bidi.Isolate"/>), so the page
/// can set each in its own direction (<see cref="Bidi.Html"/>).
/// </summary>
public static partial class AuditDetails
{
    public static string Describe(AuditAction action, string? detail, IStringLocalizer l)
    {
        if (string.IsNullOrWhiteSpace(detail))
        {
            return "";
        }

        return action switch
        {
            AuditAction.ExportedHours => Rows(detail, l),
            AuditAction.ChangedStatus => StatusChange(detail, l),
            AuditAction.ProposedMatch => Proposal(detail, l),
            AuditAction.RecordedAnswer => Answer(detail, l),
            AuditAction.HandledInquiry or AuditAction.CreatedIntake => ListingReference(detail, l),
            AuditAction.ChangedExchangeMode => ExchangeChange(detail, l),
            AuditAction.RecordedClearance => ClearanceIssued(detail, l),
            AuditAction.ChangedNeighbours => Neighbours(detail),
            _ => null,
        } ?? Bidi.Isolate(detail);
    }

    private static string? Rows(string detail, IStringLocalizer l) =>
        RowsPattern().Match(detail) is { Success: true } m && int.TryParse(m.Groups["n"].Value, CultureInfo.InvariantCulture, out var rows)
            ? (rows == 1 ? l["Audit_Detail_OneRow"] : l["Audit_Detail_Rows", rows]).Value
            : null;

    private static string? StatusChange(string detail, IStringLocalizer l) =>
        Change(detail) is (var from, var to) && Enum.TryParse<OfficeStatus>(from, out var before) && Enum.TryParse<OfficeStatus>(to, out var after)
            ? $"{l["OfficeStatus_" + before]} → {l["OfficeStatus_" + after]}"
            : null;

    private static string? Proposal(string detail, IStringLocalizer l) =>
        ProposalPattern().Match(detail) is { Success: true } m && Enum.TryParse<CandidateKind>(m.Groups["kind"].Value, out var kind)
            ? $"{l["Audit_Subject_match"]} {m.Groups["match"].Value}: {l["CandidateKind_" + kind]} {m.Groups["candidate"].Value}"
            : null;

    private static string? Answer(string detail, IStringLocalizer l) =>
        AnswerPattern().Match(detail) is { Success: true } m
            ? $"{l[m.Groups["side"].Value == "request" ? "Listings_TypeRequest" : "Listings_TypeOffer"]}: "
              + l[m.Groups["answer"].Value == "yes" ? "MatchAnswerState_Accepted" : "MatchAnswerState_Declined"]
            : null;

    private static string? ListingReference(string detail, IStringLocalizer l) =>
        ListingPattern().Match(detail) is { Success: true } m ? $"{l["Audit_Subject_listing"]} {m.Groups["id"].Value}" : null;

    /// <summary>"key: Mode → Mode" or "key: clearance yes → no", as the category page writes them.</summary>
    private static string? ExchangeChange(string detail, IStringLocalizer l)
    {
        var colon = detail.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        var (key, change) = (detail[..colon], detail[(colon + 2)..]);
        if (change.StartsWith("clearance ", StringComparison.Ordinal) && Change(change["clearance ".Length..]) is (var was, var now)
            && YesNo(was, l) is { } before && YesNo(now, l) is { } after)
        {
            return $"{Bidi.Isolate(key)}: {l["Audit_Detail_Clearance"]}: {before} → {after}";
        }

        return Change(change) is (var from, var to) && Enum.TryParse<ExchangeMode>(from, out var oldMode) && Enum.TryParse<ExchangeMode>(to, out var newMode)
            ? $"{Bidi.Isolate(key)}: {l["Office_Mode_" + oldMode]} → {l["Office_Mode_" + newMode]}"
            : null;
    }

    /// <summary>"name: yyyy-MM-dd", the clearance's issue date.</summary>
    private static string? ClearanceIssued(string detail, IStringLocalizer l)
    {
        var colon = detail.LastIndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && DateOnly.TryParseExact(detail[(colon + 2)..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var issued)
            ? $"{Bidi.Isolate(detail[..colon])}: {l["Audit_Detail_IssuedOn", issued.ToString("d", CultureInfo.CurrentCulture)]}"
            : null;
    }

    /// <summary>"district: neighbour, neighbour", as the districts page writes it: each name isolated on its own.</summary>
    private static string? Neighbours(string detail)
    {
        var colon = detail.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0
            ? $"{Bidi.Isolate(detail[..colon])}: {string.Join(", ", detail[(colon + 2)..].Split(", ").Select(Bidi.Isolate))}"
            : null;
    }

    private static (string From, string To)? Change(string text)
    {
        var parts = text.Split(" → ");
        return parts.Length == 2 ? (parts[0].Trim(), parts[1].Trim()) : null;
    }

    private static string? YesNo(string word, IStringLocalizer l) => word switch
    {
        "yes" => l["Audit_Detail_Yes"].Value,
        "no" => l["Audit_Detail_No"].Value,
        _ => null,
    };

    [GeneratedRegex(@"^rows=(?<n>\d+)$")]
    private static partial Regex RowsPattern();

    [GeneratedRegex(@"^match (?<match>\d+): (?<kind>\w+) (?<candidate>\S+)$")]
    private static partial Regex ProposalPattern();

    [GeneratedRegex(@"^(?<side>request|offer): (?<answer>yes|no)$")]
    private static partial Regex AnswerPattern();

    [GeneratedRegex(@"^listing (?<id>\d+)$")]
    private static partial Regex ListingPattern();
}
