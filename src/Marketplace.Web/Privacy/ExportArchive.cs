using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Web.Localization;
using Marketplace.Web.Privacy.Templates;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Marketplace.Web.Privacy;

/// <summary>
/// Writes the archive: data.json for machines (every field, times in UTC, enum names), index.html for people (rendered by
/// the Razor component <see cref="ExportPage"/> in the account's language, times on each town's clock), and the photos.
/// </summary>
public sealed class ExportArchive(IServiceProvider services, ILoggerFactory loggers)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A file for the owner, never embedded in a page: umlauts and Arabic stay readable instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<byte[]> WriteAsync(PersonalData data, IReadOnlyList<ArchiveFile> photos, string culture)
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        // The culture is set on the renderer's own dispatcher, where the component reads its texts.
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            using var scope = CultureScope.Use(culture);
            var page = await renderer.RenderComponentAsync<ExportPage>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ExportPage.Data)] = data }));
            return page.ToHtmlString();
        });

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await AddAsync(zip, "data.json", JsonSerializer.SerializeToUtf8Bytes(data, Json));
            await AddAsync(zip, "index.html", System.Text.Encoding.UTF8.GetBytes(html));
            foreach (var photo in photos)
            {
                // Already compressed images; deflating them again only costs time.
                await AddAsync(zip, photo.Path, photo.Data, CompressionLevel.NoCompression);
            }
        }

        return buffer.ToArray();
    }

    private static async Task AddAsync(ZipArchive zip, string path, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        await using var entry = zip.CreateEntry(path, level).Open();
        await entry.WriteAsync(content);
    }
}
