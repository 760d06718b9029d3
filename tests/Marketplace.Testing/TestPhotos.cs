using System.Buffers.Binary;
using System.IO.Compression;
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

    /// <summary>
    /// A small PNG whose header declares width × height grey pixels while its data holds only the first row: what a
    /// decompression bomb looks like to a decoder that reads the header. Decoded, it would still take width × height × 4 bytes.
    /// </summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), deflate, no filter method, not interlaced follow as zeros

        using var firstRow = new MemoryStream();
        using (var zlib = new ZLibStream(firstRow, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[1 + width]); // filter byte "none", then one row of black
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", firstRow.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var number = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    /// <summary>The CRC-32 every PNG chunk ends with (ISO 3309, as in zlib); libpng refuses a header whose CRC does not match.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
