using System.Net;
using System.Net.Sockets;

namespace NewsBot.Knowledge.Curation.Web;

/// <summary>
/// Tells public internet addresses from the ones a fetch must not reach unless allowed: loopback, private ranges,
/// link-local (cloud metadata services live at 169.254.169.254), carrier-grade NAT, multicast, reserved, unspecified.
/// </summary>
internal static class AddressGuard
{
    /// <summary>What kind of non-public address this is ("a loopback address"), or null for a public one.</summary>
    public static string? NonPublicKind(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return "a loopback address";
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => V4Kind(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => V6Kind(address),
            _ => "not an internet address",
        };
    }

    private static string? V4Kind(byte[] b) => (b[0], b[1]) switch
    {
        (0, _) => "an unspecified address",
        (10, _) => "a private address",
        (100, >= 64 and <= 127) => "a shared (carrier-grade NAT) address",
        (169, 254) => "a link-local address",
        (172, >= 16 and <= 31) => "a private address",
        (192, 168) => "a private address",
        (192, 0) when b[2] == 0 => "a reserved address",
        (198, 18 or 19) => "a reserved address",
        (>= 224 and <= 239, _) => "a multicast address",
        (>= 240, _) => "a reserved address",
        _ => null,
    };

    private static string? V6Kind(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return "an unspecified address";
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
        {
            return "a link-local address";
        }

        if (address.IsIPv6Multicast)
        {
            return "a multicast address";
        }

        var b = address.GetAddressBytes();
        if ((b[0] & 0xfe) == 0xfc)
        {
            return "a private address";
        }

        // 64:ff9b::/96 (NAT64) carries an IPv4 address in its last four bytes: judge that one.
        if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return NonPublicKind(new IPAddress(b.AsSpan(12, 4)));
        }

        return null;
    }
}
