using System.Xml.Linq;
using Marketplace.Web.Domain;

namespace Marketplace.Tests.Unit;

/// <summary>The organisation pages build some keys from enum values (Org_Type_Company ...), which the key scan cannot see.</summary>
public sealed class OrganisationLabelTests
{
    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (var key in Enum.GetNames<OrganisationType>().Select(n => $"Org_Type_{n}")
            .Concat(Enum.GetNames<OrganisationRole>().Select(n => $"Org_Role_{n}"))
            .Concat(Enum.GetNames<OrganisationStatus>().Select(n => $"Org_Status_{n}"))
            .Concat(Enum.GetNames<ListingType>().Select(n => $"Org_ListingType_{n}")))
        {
            data.Add(key);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void EveryEnumLabel_ExistsInGermanAndEnglish(string key)
    {
        foreach (var suffix in new[] { "", ".en" })
        {
            var names = XDocument.Load(Path.Combine(RepositoryPaths.WebProject, "Resources", $"SharedResource{suffix}.resx")).Root!
                .Elements("data").Select(d => d.Attribute("name")!.Value);
            Assert.Contains(key, names);
        }
    }
}
