using SkiaSharp;

namespace Marketplace.Web.Infrastructure;

public sealed record ProcessedPhoto(byte[] Data, string ContentType, int Width, int Height);

/// <summary>
/// Decodes an upload and encodes it anew as WebP: no metadata survives (a photo's GPS position can reveal a
/// shelter), orientation is applied to the pixels, and the long edge is at most 1600 px. Only an upload that passed
/// <see cref="ImageUploadGuard"/> is decoded.
/// </summary>
public static class PhotoProcessor
{
    public const int MaxEdge = 1600;

    public static async Task<(ProcessedPhoto? Photo, ImageUploadError? Error)> ProcessAsync(IFormFile file, CancellationToken cancellationToken = default)
    {
        if (file.Length > ImageUploadGuard.MaxBytes)
        {
            return (null, ImageUploadError.TooLarge);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return Process(buffer.ToArray());
    }

    /// <summary>
    /// <paramref name="maxBytes"/> and <paramref name="maxEdge"/> differ for receipts (Budgets/ReceiptFiles), whose
    /// small print must stay legible.
    /// </summary>
    public static (ProcessedPhoto? Photo, ImageUploadError? Error) Process(byte[] upload, long maxBytes = ImageUploadGuard.MaxBytes, int maxEdge = MaxEdge)
    {
        using var data = SKData.CreateCopy(upload);
        var (opened, refusal) = ImageUploadGuard.Open(data, maxBytes);
        if (opened is not { } codec)
        {
            return (null, refusal);
        }

        using (codec)
        using (var source = DecodeReduced(codec, maxEdge))
        {
            if (source is null)
            {
                return (null, ImageUploadError.NotAnImage);
            }

            var (orientation, rotatedWidth, rotatedHeight) = Orientation(codec.EncodedOrigin, source.Width, source.Height);
            var scale = Math.Min(1f, (float)maxEdge / Math.Max(rotatedWidth, rotatedHeight));
            var width = Math.Max(1, (int)Math.Round(rotatedWidth * scale));
            var height = Math.Max(1, (int)Math.Round(rotatedHeight * scale));

            using var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
            using (var canvas = new SKCanvas(target))
            using (var image = SKImage.FromBitmap(source))
            {
                canvas.Clear(SKColors.White);
                canvas.Scale(scale);
                canvas.Concat(orientation);
                canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            }

            using var encoded = target.Encode(SKEncodedImageFormat.Webp, 80);
            return (new ProcessedPhoto(encoded.ToArray(), "image/webp", width, height), null);
        }
    }

    /// <summary>
    /// Decodes at the smallest size the decoder offers whose long edge still reaches <paramref name="edge"/>, so no
    /// detail the stored photo keeps is lost: JPEG scales in eighths while decoding (a 40 MP photo takes a sixteenth of
    /// its memory at 1/4), WebP to any size; PNG has no reduced decoding and comes at full size, which the guard's pixel
    /// limit bounds. Four bytes a pixel whatever the source, so a 16-bit PNG does not take twice the memory.
    /// </summary>
    private static SKBitmap? DecodeReduced(SKCodec codec, int edge)
    {
        var size = codec.Info.Size;
        for (var eighths = 1; eighths < 8; eighths++)
        {
            var scaled = codec.GetScaledDimensions(eighths / 8f);
            if (Math.Max(scaled.Width, scaled.Height) >= edge)
            {
                size = scaled;
                break;
            }
        }

        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        return SKBitmap.Decode(codec, new SKImageInfo(size.Width, size.Height, SKImageInfo.PlatformColorType, alpha, codec.Info.ColorSpace));
    }

    /// <summary>The transform that turns the stored pixels upright, per the EXIF orientation (x' = a·x + b·y + c, y' = d·x + e·y + f).</summary>
    private static (SKMatrix Matrix, int Width, int Height) Orientation(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => (new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1), w, h),
        SKEncodedOrigin.BottomRight => (new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1), w, h),
        SKEncodedOrigin.BottomLeft => (new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1), w, h),
        SKEncodedOrigin.LeftTop => (new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1), h, w),
        SKEncodedOrigin.RightTop => (new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1), h, w),
        SKEncodedOrigin.RightBottom => (new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1), h, w),
        SKEncodedOrigin.LeftBottom => (new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1), h, w),
        _ => (SKMatrix.Identity, w, h),
    };
}
