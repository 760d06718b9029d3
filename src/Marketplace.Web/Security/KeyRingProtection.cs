using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Marketplace.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;

namespace Marketplace.Web.Security;

/// <summary>
/// The Data Protection key ring lives in the database so every instance shares it. Whoever holds a key can forge any
/// login cookie and signed link, so outside Development each key is encrypted with the public key of a certificate
/// from configuration before it is stored (README, "Key ring"), and without one the app refuses to start.
/// Keys written before the certificate was configured stay readable and unencrypted until they expire.
/// </summary>
public static class KeyRingProtection
{
    public const string Section = "DataProtection";

    public static IServiceCollection AddMarketplaceDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // AES-256-GCM instead of the default AES-CBC with a separate HMAC: one authenticated pass per cookie or token read
        // and written, which every signed-in request does at least twice. Keys made before keep their own algorithm.
        var keyRing = services.AddDataProtection().SetApplicationName("Marketplace").PersistKeysToDbContext<AppDbContext>()
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            });
        var certificate = LoadCertificate(configuration.GetSection(Section));
        if (certificate is not null)
        {
            keyRing.ProtectKeysWithCertificate(certificate);
        }
        else if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"The Data Protection key ring must be encrypted outside Development: set {Section}:CertificatePath to a PFX (with " +
                $"{Section}:CertificatePassword) or PEM file holding an RSA certificate and its private key. See README, \"Key ring\".");
        }

        return services;
    }

    /// <summary>The certificate <c>DataProtection:CertificatePath</c> names (PFX, or PEM with the key in the same file or in <c>CertificateKeyPath</c>), or null.</summary>
    public static X509Certificate2? LoadCertificate(IConfigurationSection section)
    {
        var path = section["CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{Section}:CertificatePath names a file that does not exist: {path}");
        }

        var password = section["CertificatePassword"];
        var keyPath = section["CertificateKeyPath"];
        X509Certificate2 certificate;
        try
        {
            certificate = IsPem(path)
                ? string.IsNullOrEmpty(password)
                    ? X509Certificate2.CreateFromPemFile(path, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"{Section}:CertificatePath could not be read as a certificate with its private key (wrong password, or the key missing?): {path}", e);
        }

        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            throw new InvalidOperationException($"{Section}:CertificatePath must hold an RSA certificate with its private key: {path}");
        }

        return certificate;
    }

    private static bool IsPem(string path)
    {
        using var reader = new StreamReader(path);
        var start = new char[64];
        var read = reader.ReadBlock(start);
        return new string(start, 0, read).TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal);
    }
}
