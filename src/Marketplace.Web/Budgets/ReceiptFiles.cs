using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;

namespace Marketplace.Web.Budgets;

public enum ReceiptUploadError
{
    Missing,
    TooLarge,

    /// <summary>Neither a PDF nor a photo in a format we re-encode (JPEG, PNG, WebP).</summary>
    UnsupportedFormat,

    NotAnImage,
    TooManyPixels,
}

/// <summary>A receipt ready to store: a photo re-encoded without metadata, or a PDF as uploaded.</summary>
public sealed record ReceiptFile(byte[] Data, string ContentType, string FileName);

/// <summary>
/// The one way an uploaded receipt is read: the byte limit is checked on the form's length and again on what was read,
/// before anything is decoded; a photo passes the image guard (header only) and is re-encoded so that no GPS position or
/// camera data is kept; a PDF, recognised by its signature, is kept as it came.
/// </summary>
public static class ReceiptFiles
{
    /// <summary>A receipt's small print must stay legible: a longer edge than listing photos.</summary>
    public const int MaxEdge = 2400;

    public const string PdfContentType = "application/pdf";

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();

    public static async Task<(ReceiptFile? File, ReceiptUploadError? Error)> ReadAsync(IFormFile? upload, CancellationToken cancellationToken = default)
    {
        if (upload is null || upload.Length == 0)
        {
            return (null, ReceiptUploadError.Missing);
        }

        if (upload.Length > ExpenseReceipt.MaxBytes)
        {
            return (null, ReceiptUploadError.TooLarge);
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, cancellationToken);
        return Read(buffer.ToArray(), upload.FileName);
    }

    public static (ReceiptFile? File, ReceiptUploadError? Error) Read(byte[] bytes, string? fileName)
    {
        if (bytes.Length == 0)
        {
            return (null, ReceiptUploadError.Missing);
        }

        if (bytes.Length > ExpenseReceipt.MaxBytes)
        {
            return (null, ReceiptUploadError.TooLarge);
        }

        var name = SafeName(fileName);
        if (bytes.AsSpan().StartsWith(PdfSignature))
        {
            return (new ReceiptFile(bytes, PdfContentType, Path.ChangeExtension(name, ".pdf")), null);
        }

        var (photo, error) = PhotoProcessor.Process(bytes, ExpenseReceipt.MaxBytes, MaxEdge);
        if (photo is null)
        {
            return (null, error switch
            {
                ImageUploadError.TooLarge => ReceiptUploadError.TooLarge,
                ImageUploadError.TooManyPixels => ReceiptUploadError.TooManyPixels,
                ImageUploadError.NotAnImage => ReceiptUploadError.UnsupportedFormat,
                _ => ReceiptUploadError.UnsupportedFormat,
            });
        }

        return (new ReceiptFile(photo.Data, photo.ContentType, Path.ChangeExtension(name, ".webp")), null);
    }

    /// <summary>The uploaded name without folders or characters a download header could trip on.</summary>
    private static string SafeName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? string.Empty);
        var cleaned = new string(name.Where(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_').ToArray());
        cleaned = cleaned.Length > 80 ? cleaned[^80..] : cleaned;
        return string.IsNullOrEmpty(Path.GetFileNameWithoutExtension(cleaned)) ? "beleg" : cleaned;
    }
}
