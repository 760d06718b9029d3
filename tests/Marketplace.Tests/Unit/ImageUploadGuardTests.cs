using Marketplace.Web.Infrastructure;
using SkiaSharp;

namespace Marketplace.Tests.Unit;

/// <summary>The pixel limit is read from the image's header; nothing is decoded to apply it.</summary>
public sealed class ImageUploadGuardTests
{
    private static ImageUploadError? Check(byte[] upload)
    {
        using var data = SKData.CreateCopy(upload);
        var (codec, error) = ImageUploadGuard.Open(data);
        codec?.Dispose();
        return error;
    }

    [Theory]
    [InlineData(20_000, 20_000, false)]
    [InlineData(8_001, 5_000, false)]
    [InlineData(8_000, 5_000, true)]
    [InlineData(40_000, 1_000, true)]
    [InlineData(640, 480, true)]
    public void Header_IsJudgedByItsPixelCount(int width, int height, bool allowed)
    {
        var error = Check(TestPhotos.PngDeclaring(width, height));

        Assert.Equal(allowed ? null : ImageUploadError.TooManyPixels, error);
    }

    [Fact]
    public void NotAnImage_AndAGif_AreRefusedByTheirHeader()
    {
        Assert.Equal(ImageUploadError.NotAnImage, Check("MZ this is not an image"u8.ToArray()));
        Assert.Equal(ImageUploadError.UnsupportedFormat, Check("GIF89a\x01\x00\x01\x00\x00\x00\x00;"u8.ToArray()));
    }

    [Fact]
    public void PhotoProcessor_RefusesTheBomb()
    {
        var (photo, error) = PhotoProcessor.Process(TestPhotos.PngDeclaring(20_000, 20_000));

        Assert.Null(photo);
        Assert.Equal(ImageUploadError.TooManyPixels, error);
    }

    /// <summary>A JPEG is decoded at a reduced size, but never below the stored long edge.</summary>
    [Theory]
    [InlineData(4_000, 3_000, 1_600, 1_200)]
    [InlineData(2_000, 3_000, 1_067, 1_600)]
    [InlineData(1_700, 1_000, 1_600, 941)]
    [InlineData(800, 600, 800, 600)]
    public void LargeJpeg_IsStoredAtTheLongEdgeLimit(int width, int height, int storedWidth, int storedHeight)
    {
        var (photo, error) = PhotoProcessor.Process(TestPhotos.Jpeg(width, height));

        Assert.Null(error);
        Assert.Equal((storedWidth, storedHeight), (photo!.Width, photo.Height));
    }
}
