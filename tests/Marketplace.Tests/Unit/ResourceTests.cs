using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Marketplace.Tests.Unit;

/// <summary>German is the neutral language and English must be complete; every key the code asks for exists.</summary>
public sealed partial class ResourceTests
{
    private static readonly string WebRoot = RepositoryPaths.WebProject;

    private static Dictionary<string, string> Load(string suffix) =>
        XDocument.Load(Path.Combine(WebRoot, "Resources", $"SharedResource{suffix}.resx")).Root!
            .Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void English_HasEveryGermanKey_AndNoExtra()
    {
        var german = Load("");
        var english = Load(".en");

        Assert.Empty(german.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(german.Keys));
        Assert.All(english, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), e.Key));
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

    [Fact]
    public void PlaceholdersMatch_BetweenLanguages()
    {
        var english = Load(".en");
        foreach (var (key, german) in Load(""))
        {
            Assert.Equal(Placeholders(german), Placeholders(english[key]));
        }
    }

    private static string[] Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order().ToArray();

    [GeneratedRegex("""(?:\b[Ll]|localizer)\["(?<key>[A-Z][A-Za-z0-9]*_[A-Za-z0-9_]+)"(?!\s*\+)|ErrorMessage = "(?<key>[A-Za-z]+_[A-Za-z0-9_]+)"|Name = "(?<key>Field_[A-Za-z0-9_]+)"|"(?<key>(?:Mail|Identity)_[A-Za-z]+_?[A-Za-z]*)"|"(?<key>Role_[A-Za-z]+)""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\{[0-9]+\}")]
    private static partial Regex PlaceholderPattern();
}
