using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Marketplace.Web.Hours;

/// <summary>
/// PDFsharp finds no system fonts on Linux, so the PDFs use DejaVu Sans (Bitstream Vera licence, see Fonts/LICENSE-DejaVu.txt),
/// embedded in the assembly so the app needs nothing installed on the server or in the container.
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly EmbeddedFontResolver Instance = new();
    private static readonly Lock Gate = new();
    private readonly ConcurrentDictionary<string, byte[]> _faces = new();

    /// <summary>PDFsharp keeps one resolver per process and must get the same instance every time it is set.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    // Every family asked for maps to DejaVu: the PDFs name no other, and a missing font must not fail a download.
    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => _faces.GetOrAdd(faceName, static face =>
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream($"Marketplace.Web.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"The font {face} is not embedded.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    });
}
