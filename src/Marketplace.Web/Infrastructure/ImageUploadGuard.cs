using SkiaSharp;

namespace Marketplace.Web.Infrastructure;

public enum ImageUploadError
{
    TooLarge,
    NotAnImage,
    UnsupportedFormat,
    TooManyPixels,
}

/// <summary>
/// What every image the site accepts passes before a single pixel is decoded: how many files, how many bytes, a format
/// we re-encode, and how many pixels its header declares. A 1.2 MB PNG can declare 20,000 × 20,000 pixels, 1.6 GB once
/// decoded, so the byte limit alone bounds nothing. Listing photos use it, and so must receipts and course material.
/// </summary>
public static class ImageUploadGuard
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Above any phone camera's default (12 to 24 MP), and at most 160 MB once decoded.</summary>
    public const int MaxMegapixels = 40;

    public const long MaxPixels = MaxMegapixels * 1_000_000L;

    private static readonly SKEncodedImageFormat[] Accepted = [SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Webp];

    /// <summary>Whether the uploads, beside the images already kept, are more than allowed. Ask before reading any of them.</summary>
    public static bool TooMany(IReadOnlyCollection<IFormFile> uploads, int kept, int max) => kept + uploads.Count > max;

    /// <summary>
    /// The image's decoder if its header passes, or why not. Only the header is read; the caller decodes and disposes
    /// the codec, which reads from <paramref name="data"/>.
    /// </summary>
    public static (SKCodec? Codec, ImageUploadError? Error) Open(SKData data, long maxBytes = MaxBytes)
    {
        if (data.Size > maxBytes)
        {
            return (null, ImageUploadError.TooLarge);
        }

        var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return (null, ImageUploadError.NotAnImage);
        }

        ImageUploadError? error = !Accepted.Contains(codec.EncodedFormat) ? ImageUploadError.UnsupportedFormat
            : (long)codec.Info.Width * codec.Info.Height > MaxPixels ? ImageUploadError.TooManyPixels
            : null;
        if (error is not null)
        {
            codec.Dispose();
            return (null, error);
        }

        return (codec, null);
    }
}
