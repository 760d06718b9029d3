using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Security;

/// <summary>
/// The login cookie's ticket, read (decrypted and deserialised) once per cookie value and kept for <see cref="KeepFor"/>:
/// a browser sends the same cookie with every request, and reading it anew was a twentieth of a signed-in page's CPU.
/// What the ticket says is only the start: <see cref="SessionValidation"/> still checks host, idle time and security
/// stamp on every request, and the cookie handler its expiry, so ending a session ends it as before. Each request gets
/// its own copy, so nothing a request does to its principal reaches another. Per instance, bounded in number.
/// </summary>
public sealed class KeptLoginTickets(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
    public const int MaxEntries = 10_000;

    private readonly MemoryCache _tickets = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var key = (protectedText, purpose);
        if (_tickets.TryGetValue(key, out AuthenticationTicket? kept) && kept is not null)
        {
            return kept.Clone();
        }

        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is not null)
        {
            using var entry = _tickets.CreateEntry(key);
            entry.Value = ticket.Clone();
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = KeepFor;
        }

        return ticket;
    }

    public void Dispose() => _tickets.Dispose();

    /// <summary>Wraps the login cookie's ticket format once the cookie handler's own post-configuration has made it.</summary>
    public static void Install(IServiceCollection services) =>
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, Installer>();

    private sealed class Installer : IPostConfigureOptions<CookieAuthenticationOptions>, IDisposable
    {
        private readonly List<KeptLoginTickets> _made = [];

        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name == IdentityConstants.ApplicationScheme && options.TicketDataFormat is not KeptLoginTickets and not null)
            {
                var kept = new KeptLoginTickets(options.TicketDataFormat);
                _made.Add(kept);
                options.TicketDataFormat = kept;
            }
        }

        public void Dispose() => _made.ForEach(kept => kept.Dispose());
    }
}
