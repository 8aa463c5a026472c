using System.Net;
using System.Net.Sockets;

namespace Mismes.Web.Administration;

/// <summary>
/// Who a client is for throttling: its IP address (as the forwarded-headers middleware leaves it), or for IPv6 its
/// /64 network, since one subscriber commonly holds a whole /64 and could otherwise change address at every attempt.
/// </summary>
internal static class ClientAddress
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
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }
}
