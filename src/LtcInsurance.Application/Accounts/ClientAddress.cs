using System.Net;
using System.Net.Sockets;

namespace LtcInsurance.Application.Accounts;

/// <summary>
/// The key that sign-in throttling counts a client under: an IPv4 address as it is, an IPv6 address by its /64 prefix
/// (one subscriber usually holds a whole /64, so counting single IPv6 addresses would give an attacker 2^64 of them).
/// The address is the one the forwarded-headers middleware settled on: X-Forwarded-For only from a known proxy.
/// </summary>
public static class ClientAddress
{
    public const string Unknown = "unknown";

    public static string Key(IPAddress? address)
    {
        if (address is null)
            return Unknown;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
