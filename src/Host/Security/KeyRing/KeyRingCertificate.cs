using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AdviesRoute.Host.Links;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security.KeyRing;

/// <summary>
/// The certificate the key ring is encrypted with: read from <c>DataProtection:CertificateFile</c>, or, in
/// Development and Testing without that setting, made on first start beside the link key. It is loaded while the
/// services are registered, because data protection takes the certificate itself, not a factory; a missing setting,
/// an unreadable file or a wrong password therefore stop the start before anything is stored.
/// </summary>
internal static class KeyRingCertificate
{
    /// <summary>The name of the certificate made in Development and Testing, in the folder of <c>Links:KeyFile</c>.</summary>
    public const string DefaultFileName = "dataprotection-certificate.pfx";

    /// <summary>Development and Testing make their own certificate; everywhere else the operator gives one.</summary>
    public static bool MakesItsOwn(IHostEnvironment environment) => Deployment.EnvironmentAllowances.For(environment).GeneratedKeyRingCertificate;

    /// <summary>Binds and checks <c>DataProtection</c> and returns the certificate, made first where that is allowed.</summary>
    public static X509Certificate2 Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var validation = new KeyRingOptionsValidator(environment).Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(KeyRingOptions.Section, typeof(KeyRingOptions), validation.Failures);
        }

        var password = string.IsNullOrEmpty(options.CertificatePassword) ? null : options.CertificatePassword;
        if (!string.IsNullOrWhiteSpace(options.CertificateFile))
        {
            return Read(Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.CertificateFile)), password);
        }

        var linkKey = configuration[$"{RequestLinkOptions.Section}:{nameof(RequestLinkOptions.KeyFile)}"] is { Length: > 0 } configured
            ? configured
            : new RequestLinkOptions().KeyFile;
        var folder = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(environment.ContentRootPath, linkKey)))!;
        var path = Path.Combine(folder, DefaultFileName);
        if (!File.Exists(path))
        {
            Create(path, password);
        }

        return Read(path, password);
    }

    /// <summary>Opens a .pfx file, or stops with a message that says what is wrong with it.</summary>
    public static X509Certificate2 Read(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            // Read first, so a missing or unreadable file is told apart from a wrong password.
            var pfx = File.ReadAllBytes(path);
            certificate = X509CertificateLoader.LoadPkcs12(pfx, password, X509KeyStorageFlags.DefaultKeySet);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Unusable(path, "het bestand bestaat niet (the file does not exist)", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw Unusable(path, "de gebruiker van de dienst mag het bestand niet lezen (the service's user may not read the file)", ex);
        }
        catch (IOException ex)
        {
            throw Unusable(path, $"het bestand kan niet worden gelezen (the file cannot be read: {ex.Message})", ex);
        }
        catch (CryptographicException ex)
        {
            throw Unusable(path, "het wachtwoord in DataProtection:CertificatePassword klopt niet, of het is geen .pfx-bestand "
                + "(the password in DataProtection:CertificatePassword is wrong, or the file is not a .pfx file)", ex);
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPublicKey() is null)
        {
            certificate.Dispose();
            throw Unusable(path, "het certificaat heeft geen RSA-sleutel met private key (the certificate has no RSA private key)", null);
        }

        return certificate;
    }

    /// <summary>
    /// Makes a self-signed RSA certificate, readable by the service's user only. Two hosts starting at once on one
    /// folder: the first file wins and both use it.
    /// </summary>
    public static void Create(string path, string? password)
    {
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=AdviesRoute sleutelring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(30));
        var pfx = certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password);

        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        PrivateFiles.WriteNew(temp, pfx);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }

    private static InvalidOperationException Unusable(string path, string reason, Exception? inner) =>
        new($"Het certificaat voor de sleutelring, {path} (DataProtection:CertificateFile), is niet te gebruiken: {reason}. "
            + "Zonder dit certificaat kunnen de sessies niet worden gelezen; de host start niet.", inner);
}
