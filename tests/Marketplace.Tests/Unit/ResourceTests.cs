using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Marketplace.Tests.Unit;

/// <summary>German is the neutral language and every other interface language is complete; every key the code asks for exists.</summary>
public sealed partial class ResourceTests
{
    private static readonly string WebRoot = RepositoryPaths.WebProject;

    private static Dictionary<string, string> Load(string suffix) =>
        XDocument.Load(Path.Combine(WebRoot, "Resources", $"SharedResource{suffix}.resx")).Root!
            .Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    private static readonly string[] Translations = ["en", "ar", "fa", "uk"];

    public static TheoryData<string> TranslatedLanguages => new(Translations);

    [Theory]
    [MemberData(nameof(TranslatedLanguages))]
    public void EveryLanguage_HasEveryGermanKey_AndNoExtra(string language)
    {
        var german = Load("");
        var translated = Load("." + language);

        Assert.Empty(german.Keys.Except(translated.Keys));
        Assert.Empty(translated.Keys.Except(german.Keys));
        Assert.All(translated, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), e.Key));
    }

    [Fact]
    public void EveryInterfaceLanguage_HasItsResourceFile()
    {
        Assert.Equal(Marketplace.Web.Localization.Cultures.Supported.Where(c => c != Marketplace.Web.Localization.Cultures.Default).Order(),
            Translations.Order());
    }

    [Fact]
    public void EveryKeyUsedInCode_Exists()
    {
        var keys = Load("").Keys.ToHashSet();
        var used = Directory.EnumerateFiles(WebRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet();

        Assert.Empty(used.Except(keys).Order());
    }

    public static TheoryData<string, Type> EnumTexts => new()
    {
        { "Role_", typeof(Marketplace.Web.Domain.TownRole) },
        { "ListingStatus_", typeof(Marketplace.Web.Domain.ListingStatus) },
        { "WorkKind_", typeof(Marketplace.Web.Domain.WorkKind) },
        { "Listings_Type", typeof(Marketplace.Web.Domain.ListingType) },
        { "Listings_Action_", typeof(Marketplace.Web.Domain.ListingAction) },
        { "Listings_Done_", typeof(Marketplace.Web.Domain.ListingAction) },
        { "CategoryKind_", typeof(Marketplace.Web.Domain.CategoryKind) },
        { "AgeBucket_", typeof(Marketplace.Web.Pages.Coordination.Requests.AgeBucket) },
        { "CandidateKind_", typeof(Marketplace.Web.Domain.CandidateKind) },
        { "LanguageLevel_", typeof(Marketplace.Web.Domain.LanguageLevel) },
        { "MatchAnswerState_", typeof(Marketplace.Web.Domain.MatchAnswer) },
        { "MatchAnswer_", typeof(Marketplace.Web.Matching.AnswerOutcome) },
        { "Match_Ineligible_", typeof(Marketplace.Web.Matching.Ineligibility) },
        { "MatchEndReason_", typeof(Marketplace.Web.Domain.MatchEndReason) },
        { "MatchReason_", typeof(Marketplace.Web.Domain.MatchReason) },
        { "MatchStatus_", typeof(Marketplace.Web.Domain.MatchStatus) },
        { "OfficeStatus_", typeof(Marketplace.Web.Domain.OfficeStatus) },
        { "Courses_Kind_", typeof(Marketplace.Web.Domain.CourseKind) },
        { "Courses_Type_", typeof(Marketplace.Web.Domain.LanguageCourseType) },
        { "Expenses_Status_", typeof(Marketplace.Web.Domain.ExpenseStatus) },
        { "Expenses_Kind_", typeof(Marketplace.Web.Domain.ExpenseKind) },
        { "Expenses_Outcome_", typeof(Marketplace.Web.Budgets.ExpenseOutcome) },
        { "Effects_Step_", typeof(Marketplace.Web.Domain.EffectStep) },
        { "Effects_Influence_", typeof(Marketplace.Web.Domain.Influence) },
        { "Effects_Period_", typeof(Marketplace.Web.Domain.MeasuringPeriod) },
        { "GapDesk_Balance_", typeof(Marketplace.Web.Domain.CellBalance) },
        { "GapDesk_BalanceHint_", typeof(Marketplace.Web.Domain.CellBalance) },
    };

    /// <summary>Texts looked up as prefix + enum value must exist for every value.</summary>
    [Theory]
    [MemberData(nameof(EnumTexts))]
    public void EveryEnumValue_HasItsText(string prefix, Type enumType)
    {
        var keys = Load("").Keys.ToHashSet();

        var missing = Enum.GetNames(enumType).Select(n => prefix + n).Except(keys).ToList();
        Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(429)]
    [InlineData(500)]
    public void ErrorPage_HasTitleAndText(int code)
    {
        var keys = Load("");
        Assert.Contains($"Error_{code}_Title", keys.Keys);
        Assert.Contains($"Error_{code}_Text", keys.Keys);
    }

    [Theory]
    [MemberData(nameof(TranslatedLanguages))]
    public void PlaceholdersMatch_BetweenLanguages(string language)
    {
        var translated = Load("." + language);
        var differing = Load("").Where(e => !Placeholders(e.Value).SequenceEqual(Placeholders(translated.GetValueOrDefault(e.Key, ""))))
            .Select(e => e.Key).ToList();
        Assert.True(differing.Count == 0, "Placeholders differ from German: " + string.Join(", ", differing));
    }

    /// <summary>Persian is written with its own letters; the Arabic yeh and kaf of an Arabic keyboard look alike but search and sort apart.</summary>
    [Fact]
    public void Persian_UsesPersianLetters()
    {
        var arabicLetters = Load(".fa").Where(e => e.Value.Contains('\u064A') || e.Value.Contains('\u0643')).Select(e => e.Key).ToList();
        Assert.True(arabicLetters.Count == 0, "Arabic yeh or kaf in: " + string.Join(", ", arabicLetters));
    }

    private static string[] Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order().ToArray();

    [GeneratedRegex("""(?:\b[Ll]|localizer)\["(?<key>[A-Z][A-Za-z0-9]*_[A-Za-z0-9_]+)"(?!\s*\+)|ErrorMessage = "(?<key>[A-Za-z]+_[A-Za-z0-9_]+)"|Name = "(?<key>Field_[A-Za-z0-9_]+)"|"(?<key>(?:Mail|Identity)_[A-Za-z]+_?[A-Za-z]*)"|"(?<key>Role_[A-Za-z]+)""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\{[0-9]+\}")]
    private static partial Regex PlaceholderPattern();
}
