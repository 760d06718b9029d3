using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Marketplace.Testing;

/// <summary>A self-signed certificate with its private key as a PFX file, as the README has operators make one with openssl.</summary>
public static class TestCertificates
{
    public const string Password = "test-key-ring";

    /// <summary>Written once per test run; the file outlives the factories that read it and goes with the temp folder.</summary>
    public static string KeyRingPfx => LazyPfx.Value;

    private static readonly Lazy<string> LazyPfx = new(() =>
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Marketplace key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Directory.CreateTempSubdirectory("marketplace-cert-").FullName, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    });
}
