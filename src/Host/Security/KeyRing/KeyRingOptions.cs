using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Security.KeyRing;

/// <summary>
/// Configuration section <c>DataProtection</c>: the certificate the data-protection key ring (the keys behind session
/// cookies and forms) is encrypted with before it is stored in the database. The certificate lives outside the
/// database, so a copy of the database or a backup alone holds no usable key.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>
    /// The PKCS#12 (.pfx) file with the certificate and its private key; relative to the content root. Every host on
    /// one database must read the same file. Required outside Development and Testing; there it is made on first
    /// start beside the link key (<c>Links:KeyFile</c>) when not set.
    /// </summary>
    public string? CertificateFile { get; set; }

    /// <summary>The password of <see cref="CertificateFile"/>; empty for a file without one.</summary>
    public string? CertificatePassword { get; set; }
}

/// <summary>Refuses to start outside Development and Testing without a certificate: the keys would be stored readable.</summary>
internal sealed class KeyRingOptionsValidator(IHostEnvironment environment) : IValidateOptions<KeyRingOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyRingOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificateFile) && !KeyRingCertificate.MakesItsOwn(environment))
        {
            return ValidateOptionsResult.Fail(
                "DataProtection:CertificateFile is niet ingesteld: geef het certificaat (.pfx) waarmee de sleutels van de sessies versleuteld in de database staan, "
                + "en zijn wachtwoord in DataProtection:CertificatePassword. "
                + "(DataProtection:CertificateFile is not set: give the certificate (.pfx) that encrypts the session keys stored in the database.)");
        }

        return ValidateOptionsResult.Success;
    }
}
