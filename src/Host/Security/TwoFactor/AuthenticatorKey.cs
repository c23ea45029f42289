using System.Text;
using QRCoder;

namespace AdviesRoute.Host.Security.TwoFactor;

/// <summary>
/// How the shared key reaches the authenticator app: an <c>otpauth://</c> address drawn as a QR code (SVG markup put in
/// the page itself, so it needs no script, no <c>data:</c> address and no extra request), and the key in groups of four
/// for typing.
/// </summary>
public static class AuthenticatorKey
{
    /// <summary>The address authenticator apps read from the QR code (Google's "Key Uri Format").</summary>
    public static string OtpAuthUri(string issuer, string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}" +
        $"?secret={key}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period=30";

    /// <summary>The key in groups of four, lower case (easier to read than Base32's capitals), for typing.</summary>
    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString().ToLowerInvariant();
    }

    /// <summary>The QR code of <paramref name="uri"/> as SVG markup, scaling with its box (a viewBox, no fixed size).</summary>
    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
