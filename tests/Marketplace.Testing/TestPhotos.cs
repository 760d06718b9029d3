using System.Text;
using SkiaSharp;

namespace Marketplace.Testing;

/// <summary>Small real photos for upload tests, one of them carrying EXIF with a GPS position.</summary>
public static class TestPhotos
{
    public const string GpsMarker = "GPS 49.5897N 11.0040E";

    public static byte[] Jpeg(int width = 800, int height = 600)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            canvas.DrawCircle(width / 2f, height / 2f, height / 3f, new SKPaint { Color = SKColors.Orange });
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    /// <summary>A JPEG with an APP1 EXIF segment right after SOI whose payload holds <see cref="GpsMarker"/>.</summary>
    public static byte[] JpegWithGps()
    {
        var jpeg = Jpeg();
        var tiff = new byte[] { (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 0, 0 };
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).Concat(Encoding.ASCII.GetBytes(GpsMarker)).ToArray();
        var length = payload.Length + 2;
        var segment = new byte[] { 0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF) }.Concat(payload);
        return jpeg.Take(2).Concat(segment).Concat(jpeg.Skip(2)).ToArray();
    }
}
