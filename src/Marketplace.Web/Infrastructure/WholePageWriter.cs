using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Writes a rendered page to the response through a 64 KB buffer instead of the framework's 16 KB: each time the buffer
/// fills, the part goes out as a send of its own, so a 30 KB page left in two or three sends. Nearly every page fits in
/// one now. The buffers come from the shared pools, as the framework's own do.
/// </summary>
public sealed class WholePageWriter : IHttpResponseStreamWriterFactory
{
    public const int BufferSize = 64 * 1024;

    public TextWriter CreateWriter(Stream stream, Encoding encoding) =>
        new HttpResponseStreamWriter(stream, encoding, BufferSize, ArrayPool<byte>.Shared, ArrayPool<char>.Shared);

    public static void Use(IServiceCollection services) =>
        services.AddSingleton<IHttpResponseStreamWriterFactory, WholePageWriter>();
}
