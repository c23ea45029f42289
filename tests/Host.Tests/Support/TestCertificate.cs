using AdviesRoute.Host.Security.KeyRing;

namespace AdviesRoute.Host.Tests.Support;

/// <summary>The key ring's certificate for a host outside Testing: one file per folder, shared by every host on it.</summary>
public static class TestCertificate
{
    public const string Password = "Proef-Certificaat-2026!";

    private static readonly Lock Making = new();

    /// <summary>The certificate file in the folder, made when it is not there yet.</summary>
    public static string In(string folder)
    {
        var path = Path.Combine(folder, "sleutelring.pfx");
        lock (Making)
        {
            if (!File.Exists(path))
            {
                KeyRingCertificate.Create(path, Password);
            }
        }

        return path;
    }
}
