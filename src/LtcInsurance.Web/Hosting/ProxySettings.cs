using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace LtcInsurance.Web.Hosting;

/// <summary>
/// Which peers may tell the application the client's address, scheme and host (X-Forwarded-For/-Proto/-Host):
/// <c>Ltc:Proxy:KnownProxies</c> (addresses) and <c>Ltc:Proxy:KnownNetworks</c> (CIDR ranges), each a list
/// (<c>Ltc__Proxy__KnownProxies__0=10.0.0.10</c>) or one string separated by <c>;</c> or <c>,</c>
/// (<c>Ltc__Proxy__KnownProxies=10.0.0.10;10.0.0.9</c>). When either is set, only those peers are trusted (loopback
/// too only if listed); when neither is, only loopback is (nginx on the same machine). Headers from any other peer are
/// ignored. A forwarded host must also be one of <c>AllowedHosts</c> unless that is <c>*</c>.
/// </summary>
public static class ProxySettings
{
    public const string Section = "Ltc:Proxy";

    /// <summary>Applies the configuration to <paramref name="options"/>; throws on an entry that is not an address or range.</summary>
    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        // One proxy (nginx) in front: take the last address it appended, never what the client wrote before it.
        options.ForwardLimit = 1;

        var section = configuration.GetSection(Section);
        var proxies = Entries(section.GetSection("KnownProxies"));
        var networks = Entries(section.GetSection("KnownNetworks"));
        if (proxies.Count > 0 || networks.Count > 0)
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address : throw Invalid("KnownProxies", proxy));
            foreach (var network in networks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range) ? range : throw Invalid("KnownNetworks", network));
        }
        else
        {
            // The framework's default is the same (127.0.0.0/8 and ::1); stated here so that it cannot drift.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("127.0.0.0/8"));
            options.KnownProxies.Add(IPAddress.IPv6Loopback);
        }

        options.AllowedHosts.Clear();
        var allowedHosts = AllowedHosts(configuration);
        if (!allowedHosts.Contains("*"))
        {
            foreach (var host in allowedHosts)
                options.AllowedHosts.Add(host);
        }
    }

    /// <summary>The host names of the <c>AllowedHosts</c> setting (<c>*</c> when absent, as the framework reads it).</summary>
    public static IReadOnlyList<string> AllowedHosts(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var hosts = (configuration["AllowedHosts"] ?? "*").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return hosts.Length == 0 ? ["*"] : hosts;
    }

    private static List<string> Entries(IConfigurationSection section)
    {
        var entries = new List<string>();
        if (!string.IsNullOrWhiteSpace(section.Value))
            entries.AddRange(section.Value.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var child in section.GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(child.Value))
                entries.Add(child.Value.Trim());
        }

        return entries;
    }

    private static InvalidOperationException Invalid(string key, string value) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"{Section}:{key} 中的“{value}”不是 IP 地址或网段 / \"{value}\" in {Section}:{key} is not an IP address or CIDR range"));
}
