using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Marketplace.Web.Security;
using Microsoft.Extensions.Configuration;

namespace Marketplace.Tests.Unit.Security;

/// <summary>The certificate for the key ring, in the forms the README tells operators to make with openssl.</summary>
public sealed class KeyRingCertificateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("keyring-cert-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IConfigurationSection Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>($"{KeyRingProtection.Section}:{v.Key}", v.Value)))
            .Build()
            .GetSection(KeyRingProtection.Section);

    private static X509Certificate2 NewCertificate(AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => new CertificateRequest("CN=key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1)),
        ECDsa ecdsa => new CertificateRequest("CN=key ring", ecdsa, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1)),
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void NoPath_MeansNoCertificate()
    {
        Assert.Null(KeyRingProtection.LoadCertificate(Section()));
    }

    [Fact]
    public void Pfx_WithItsPassword_Loads()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = NewCertificate(rsa);
        var path = Path.Combine(_folder, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "geheim"));

        using var loaded = KeyRingProtection.LoadCertificate(Section(("CertificatePath", path), ("CertificatePassword", "geheim")));

        Assert.Equal(certificate.Thumbprint, loaded!.Thumbprint);
        Assert.True(loaded.HasPrivateKey);
    }

    [Fact]
    public void Pfx_WithAWrongPassword_StopsTheStart_NamingTheFile()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = NewCertificate(rsa);
        var path = Path.Combine(_folder, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "geheim"));

        var error = Assert.Throws<InvalidOperationException>(() =>
            KeyRingProtection.LoadCertificate(Section(("CertificatePath", path), ("CertificatePassword", "falsch"))));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void PemCertificate_WithItsKeyInASecondFile_Loads()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = NewCertificate(rsa);
        var certPath = Write("keyring.crt", certificate.ExportCertificatePem());
        var keyPath = Write("keyring.key", rsa.ExportPkcs8PrivateKeyPem());

        using var loaded = KeyRingProtection.LoadCertificate(Section(("CertificatePath", certPath), ("CertificateKeyPath", keyPath)));

        Assert.Equal(certificate.Thumbprint, loaded!.Thumbprint);
        Assert.True(loaded.HasPrivateKey);
    }

    [Fact]
    public void PemCertificate_WithoutItsKey_StopsTheStart()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = NewCertificate(rsa);
        var certPath = Write("keyring.crt", certificate.ExportCertificatePem());

        Assert.Throws<InvalidOperationException>(() => KeyRingProtection.LoadCertificate(Section(("CertificatePath", certPath))));
    }

    [Fact]
    public void EcdsaCertificate_StopsTheStart_SinceKeysAreEncryptedWithRsa()
    {
        using var ecdsa = ECDsa.Create();
        using var certificate = NewCertificate(ecdsa);
        var path = Path.Combine(_folder, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "geheim"));

        var error = Assert.Throws<InvalidOperationException>(() =>
            KeyRingProtection.LoadCertificate(Section(("CertificatePath", path), ("CertificatePassword", "geheim"))));

        Assert.Contains("RSA", error.Message);
    }

    [Fact]
    public void MissingFile_StopsTheStart_NamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            KeyRingProtection.LoadCertificate(Section(("CertificatePath", "/nicht/da.pfx"))));

        Assert.Contains("/nicht/da.pfx", error.Message);
    }
}
