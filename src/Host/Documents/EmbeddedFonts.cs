using System.Reflection;
using PdfSharp.Fonts;

namespace AdviesRoute.Host.Documents;

/// <summary>
/// The font every PDF embeds: Noto Sans (SIL Open Font License 1.1, see Documents/Fonts/OFL.txt), shipped inside the
/// host, as PDFsharp does not read the system's fonts on Linux. It is also the first font of the pages' theme.
/// </summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "Noto Sans";
    private const string Regular = "NotoSans-Regular";
    private const string Bold = "NotoSans-Bold";

    private static readonly Lazy<EmbeddedFonts> Instance = new(() => new EmbeddedFonts());
    private static readonly object Gate = new();
    private static bool installed;

    private readonly Dictionary<string, byte[]> faces = new(StringComparer.Ordinal)
    {
        [Regular] = Load(Regular),
        [Bold] = Load(Bold),
    };

    /// <summary>Makes PDFsharp use these fonts; PDFsharp allows one resolver per process, so it is set once.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!installed)
            {
                GlobalFontSettings.FontResolver = Instance.Value;
                installed = true;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        // Any family asked for gets Noto Sans: the documents name no other. Italic is simulated by PDFsharp.
        new(isBold ? Bold : Regular, false, isItalic);

    public byte[]? GetFont(string faceName) => faces.GetValueOrDefault(faceName);

    private static byte[] Load(string face)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"AdviesRoute.Host.Documents.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"Het lettertype {face}.ttf zit niet in de host; de documenten kunnen niet als PDF worden gemaakt.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
