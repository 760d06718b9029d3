using Marketplace.Web.Tenancy;

namespace Marketplace.Tests.Unit;

public sealed class HostParserTests
{
    [Theory]
    [InlineData("localhost", HostKind.Platform, null)]
    [InlineData("localhost:5000", HostKind.Platform, null)]
    [InlineData("www.localhost:5000", HostKind.Platform, null)]
    [InlineData("LOCALHOST", HostKind.Platform, null)]
    [InlineData("erlangen.localhost", HostKind.Town, "erlangen")]
    [InlineData("erlangen.localhost:5000", HostKind.Town, "erlangen")]
    [InlineData("ERLANGEN.LocalHost:5000", HostKind.Town, "erlangen")]
    [InlineData("www.erlangen.localhost", HostKind.Town, "erlangen")]
    [InlineData("erlangen.localhost.", HostKind.Town, "erlangen")]
    [InlineData("bad-homburg.localhost", HostKind.Town, "bad-homburg")]
    [InlineData("nowhere.localhost", HostKind.Town, "nowhere")]
    [InlineData("a.b.localhost", HostKind.Foreign, null)]
    [InlineData("-x.localhost", HostKind.Foreign, null)]
    [InlineData("x.localhost", HostKind.Foreign, null)]
    [InlineData("erlangen.example.org", HostKind.Foreign, null)]
    [InlineData("evillocalhost", HostKind.Foreign, null)]
    [InlineData("127.0.0.1:5000", HostKind.Foreign, null)]
    [InlineData("[::1]:5000", HostKind.Foreign, null)]
    [InlineData("", HostKind.Foreign, null)]
    public void Parse_Localhost(string host, HostKind kind, string? slug)
    {
        var result = HostParser.Parse(host, "localhost");

        Assert.Equal(kind, result.Kind);
        Assert.Equal(slug, result.Slug);
    }

    [Theory]
    [InlineData("marktplatz.example.de", HostKind.Platform, null)]
    [InlineData("www.marktplatz.example.de:443", HostKind.Platform, null)]
    [InlineData("potsdam.marktplatz.example.de", HostKind.Town, "potsdam")]
    [InlineData("potsdam.example.de", HostKind.Foreign, null)]
    public void Parse_ProductionDomain(string host, HostKind kind, string? slug)
    {
        var result = HostParser.Parse(host, "marktplatz.example.de");

        Assert.Equal(kind, result.Kind);
        Assert.Equal(slug, result.Slug);
    }

    [Theory]
    [InlineData("erlangen", true)]
    [InlineData("bad-homburg", true)]
    [InlineData("www", false)]
    [InlineData("admin", false)]
    [InlineData("Erlangen", false)]
    [InlineData("köln", false)]
    [InlineData("a", false)]
    [InlineData("ends-", false)]
    public void SlugAvailability(string slug, bool available) => Assert.Equal(available, TenantSlug.IsAvailableName(slug));
}
