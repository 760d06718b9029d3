using System.Net;
using System.Net.Sockets;

namespace Marketplace.Web.Security;

/// <summary>
/// The client's address as the login lockout and the rate limiter count it (after the trusted proxies' forwarded
/// headers). An IPv6 client usually holds a whole /64, so its /64 counts as one address; otherwise anyone with
/// IPv6 could try passwords from a fresh address each time.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
