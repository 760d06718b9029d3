using SkiaSharp;

namespace Marketplace.Web.Infrastructure;

public enum PhotoError
{
    TooLarge,
    NotAnImage,
    UnsupportedFormat,
}

public sealed record ProcessedPhoto(byte[] Data, string ContentType, int Width, int Height);

/// <summary>
/// Decodes an upload and encodes it anew as WebP: no metadata survives (a photo's GPS position can reveal a
/// shelter), orientation is applied to the pixels, and the long edge is at most 1600 px.
/// </summary>
public static class PhotoProcessor
{
    public const int MaxEdge = 1600;
    private static readonly SKEncodedImageFormat[] Accepted = [SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Webp];

    public static async Task<(ProcessedPhoto? Photo, PhotoError? Error)> ProcessAsync(IFormFile file, CancellationToken cancellationToken = default)
    {
        if (file.Length > Domain.ListingPhoto.MaxUploadBytes)
        {
            return (null, PhotoError.TooLarge);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return Process(buffer.ToArray());
    }

    public static (ProcessedPhoto? Photo, PhotoError? Error) Process(byte[] upload)
    {
        if (upload.Length > Domain.ListingPhoto.MaxUploadBytes)
        {
            return (null, PhotoError.TooLarge);
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return (null, PhotoError.NotAnImage);
        }

        if (!Accepted.Contains(codec.EncodedFormat))
        {
            return (null, PhotoError.UnsupportedFormat);
        }

        using var source = SKBitmap.Decode(codec);
        if (source is null)
        {
            return (null, PhotoError.NotAnImage);
        }

        var (orientation, rotatedWidth, rotatedHeight) = Orientation(codec.EncodedOrigin, source.Width, source.Height);
        var scale = Math.Min(1f, (float)MaxEdge / Math.Max(rotatedWidth, rotatedHeight));
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
