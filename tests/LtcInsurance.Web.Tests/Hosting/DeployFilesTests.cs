using System.Text.RegularExpressions;
using LtcInsurance.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LtcInsurance.Web.Tests.Hosting;

/// <summary>
/// The deploy files work as written (issue #16 item 6): parsed from <c>deploy/</c>, against the app's own configuration
/// (appsettings.json, appsettings.Production.json, the unit's Environment= lines, read as the app reads them):
/// the unit's readiness matches the app (Type=notify only if the app sends READY=1 under systemd, and then the service
/// process itself is the app), nginx proxies to the port the unit makes the app listen on, and every folder the app
/// writes (the data-protection key folder when one is configured, the log folder) is writable under the unit's sandbox.
/// The checks are shown to fail on broken copies of the files.
/// </summary>
[Collection(DeployFilesCollection.Name)]
public sealed partial class DeployFilesTests
{
    private static readonly string Root = RepositoryRoot();
    private static readonly string Unit = File.ReadAllText(Path.Combine(Root, "deploy", "ltcinsurance.service"));
    private static readonly string Nginx = File.ReadAllText(Path.Combine(Root, "deploy", "nginx-ltcinsurance.conf"));

    [Fact]
    public void The_shipped_unit_nginx_and_app_configuration_agree()
    {
        Assert.Empty(Problems(Unit, Nginx, AppNotifiesSystemd()));
    }

    [Fact]
    public void The_app_notifies_systemd_when_started_by_it()
    {
        // What Type=notify relies on: with $NOTIFY_SOCKET set, AddLtcHosting registers the READY=1 sender.
        Assert.True(AppNotifiesSystemd());
        Assert.Equal("notify", Directive(Unit, "Type"));
    }

    [Fact]
    public void The_prerequisites_script_is_strict_bash_and_installs_postgresql_and_the_font()
    {
        var script = File.ReadAllText(Path.Combine(Root, "deploy", "prerequisites.sh"));
        Assert.StartsWith("#!/usr/bin/env bash", script, StringComparison.Ordinal);
        Assert.Contains("set -euo pipefail", script, StringComparison.Ordinal);
        Assert.Contains("postgresql", script, StringComparison.Ordinal);
        Assert.Contains("fonts-wqy-microhei", script, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\n", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Type=notify", "Type=notify", false, "Type=notify")] // the app would never say READY=1
    [InlineData("ExecStart=/usr/bin/dotnet", "ExecStart=/bin/sh -c /usr/bin/dotnet", true, "NotifyAccess")]
    [InlineData("ASPNETCORE_URLS=http://0.0.0.0:5080", "ASPNETCORE_URLS=http://0.0.0.0:5081", true, "5081")]
    [InlineData("ASPNETCORE_URLS=http://0.0.0.0:5080", "ASPNETCORE_URLS=http://127.0.0.1:5080", true, "127.0.0.1")]
    [InlineData("Environment=Ltc__LogDirectory=/var/log/ltcinsurance", "Environment=Ltc__LogDirectory=/var/log/ltcinsurance\nEnvironment=Ltc__DataProtectionKeysPath=/opt/ltcinsurance/keys", true, "/opt/ltcinsurance/keys")]
    [InlineData("Environment=Ltc__LogDirectory=/var/log/ltcinsurance", "Environment=Ltc__LogDirectory=/srv/logs", true, "/srv/logs")]
    [InlineData("LogsDirectory=ltcinsurance", "", true, "/var/log/ltcinsurance")]
    public void A_broken_copy_of_the_unit_is_caught(string original, string broken, bool appNotifies, string named)
    {
        Assert.Contains(original, Unit, StringComparison.Ordinal);
        var unit = Unit.Replace(original, broken, StringComparison.Ordinal);
        if (original == "LogsDirectory=ltcinsurance")
            unit = unit.Replace("-/var/log/ltcinsurance", "", StringComparison.Ordinal);

        var problems = Problems(unit, Nginx, appNotifies);

        Assert.Contains(problems, p => p.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Type_simple_without_notification_is_fine_and_a_key_folder_in_the_state_directory_is_writable()
    {
        var unit = Unit.Replace("Type=notify", "Type=simple", StringComparison.Ordinal)
            .Replace("Environment=Ltc__LogDirectory=/var/log/ltcinsurance",
                "Environment=Ltc__LogDirectory=/var/log/ltcinsurance\nEnvironment=Ltc__DataProtectionKeysPath=/var/lib/ltcinsurance/keys", StringComparison.Ordinal);

        Assert.Empty(Problems(unit, Nginx, appNotifies: false));
    }

    [Fact]
    public void An_nginx_upstream_on_another_port_is_caught()
    {
        var problems = Problems(Unit, Nginx.Replace("10.0.0.11:5080", "10.0.0.11:8080", StringComparison.Ordinal), true);

        Assert.Contains(problems, p => p.Contains("8080", StringComparison.Ordinal));
    }

    /// <summary>Everything that does not hold, each a sentence naming the value.</summary>
    private static List<string> Problems(string unit, string nginx, bool appNotifies)
    {
        var problems = new List<string>();
        var configuration = AppConfiguration(unit);

        // 1. Readiness.
        var type = Directive(unit, "Type") ?? "simple";
        if (type == "notify")
        {
            if (!appNotifies)
                problems.Add("Type=notify, but the app sends no READY=1 (use Type=simple or register the notifier)");
            var exec = Directive(unit, "ExecStart") ?? "";
            var access = Directive(unit, "NotifyAccess") ?? "main";
            if (access == "main" && !Regex.IsMatch(exec, @"^[-@+!:]*/usr/bin/dotnet\s+\S+\.dll\b"))
                problems.Add($"NotifyAccess=main: READY=1 must come from the main process, but ExecStart= starts `{exec}`");
        }
        else if (type is not ("simple" or "exec"))
        {
            problems.Add($"Type={type} does not fit a web app that keeps running in the foreground");
        }

        // 2. nginx proxies to where the unit makes the app listen.
        if (configuration.GetSection("Kestrel:Endpoints").Exists())
            problems.Add("Kestrel:Endpoints in the app's configuration override ASPNETCORE_URLS of the unit");
        var urls = configuration["urls"];
        var listens = new List<Uri>();
        if (string.IsNullOrEmpty(urls))
            problems.Add("the unit sets no ASPNETCORE_URLS: the app listens on http://localhost:5080 only, out of nginx's reach");
        else
            listens.AddRange(urls.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal))));
        var upstreams = UpstreamServers(nginx);
        if (upstreams.Count == 0)
            problems.Add("nginx has no upstream `ltcinsurance` server");
        foreach (var target in ProxyPassTargets(nginx))
        {
            if (target != "http://ltcinsurance")
                problems.Add($"nginx proxy_pass {target} is not the upstream http://ltcinsurance");
        }

        foreach (var (host, port) in upstreams)
        {
            if (!listens.Any(l => l.Scheme == "http" && l.Port == port && (l.Host is "0.0.0.0" or "[::]" || l.Host == host)))
                problems.Add($"nginx sends to {host}:{port}, but the unit makes the app listen on {urls}");
        }

        // 3. Every folder the app writes is writable under the sandbox.
        var writable = WritablePaths(unit);
        var workingDirectory = Directive(unit, "WorkingDirectory") ?? "/";
        var keys = configuration["Ltc:DataProtectionKeysPath"];
        if (!string.IsNullOrEmpty(keys) && !IsWritable(keys, workingDirectory, unit, writable))
            problems.Add($"the data-protection key folder {keys} is not writable under the unit's sandbox ({string.Join(' ', writable)})");
        var logs = configuration["Ltc:LogDirectory"] ?? Path.Combine(workingDirectory, "logs");
        if (!IsWritable(logs, workingDirectory, unit, writable))
            problems.Add($"the log folder {logs} is not writable under the unit's sandbox ({string.Join(' ', writable)})");
        return problems;
    }

    private static bool IsWritable(string path, string workingDirectory, string unit, IReadOnlyList<string> writable)
    {
        var full = Path.GetFullPath(path, workingDirectory).TrimEnd('/') + "/";
        var strict = Directive(unit, "ProtectSystem") is "strict";
        if (!strict && !full.StartsWith("/usr/", StringComparison.Ordinal) && !full.StartsWith("/boot/", StringComparison.Ordinal)
            && !full.StartsWith("/etc/", StringComparison.Ordinal))
            return true;
        return writable.Any(w => full.StartsWith(w.TrimEnd('/') + "/", StringComparison.Ordinal));
    }

    /// <summary>ReadWritePaths= (without the "-" / "+" prefixes), plus the folders StateDirectory=, LogsDirectory=, CacheDirectory= make.</summary>
    private static List<string> WritablePaths(string unit)
    {
        var paths = Directives(unit, "ReadWritePaths").SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => p.TrimStart('-', '+')).ToList();
        paths.AddRange(Directives(unit, "StateDirectory").SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(d => "/var/lib/" + d));
        paths.AddRange(Directives(unit, "LogsDirectory").SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(d => "/var/log/" + d));
        paths.AddRange(Directives(unit, "CacheDirectory").SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(d => "/var/cache/" + d));
        return paths;
    }

    /// <summary>The app's configuration in Production as the unit starts it: its json files, then the unit's environment.</summary>
    private static IConfiguration AppConfiguration(string unit)
    {
        var web = Path.Combine(Root, "src", "LtcInsurance.Web");
        var environment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Directives(unit, "Environment"))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
                environment[line[..equals].Trim('"')] = line[(equals + 1)..].Trim('"');
        }

        var production = environment.GetValueOrDefault("ASPNETCORE_ENVIRONMENT") ?? "Production";
        // ASPNETCORE_URLS is read as `urls` (the ASPNETCORE_ prefix is dropped); `__` separates sections.
        var settings = environment.ToDictionary(
            e => (e.Key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) ? e.Key["ASPNETCORE_".Length..] : e.Key)
                .Replace("__", ":", StringComparison.Ordinal),
            e => e.Value, StringComparer.OrdinalIgnoreCase);
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(web, "appsettings.json"), optional: false)
            .AddJsonFile(Path.Combine(web, $"appsettings.{production}.json"), optional: true)
            .AddInMemoryCollection(settings)
            .Build();
    }

    /// <summary>Whether the app, started with $NOTIFY_SOCKET set (as systemd starts a Type=notify unit), registers its READY=1 sender.</summary>
    private static bool AppNotifiesSystemd()
    {
        var before = Environment.GetEnvironmentVariable(SystemdNotifier.SocketVariable);
        try
        {
            Environment.SetEnvironmentVariable(SystemdNotifier.SocketVariable, "/run/systemd/notify");
            var services = new ServiceCollection();
            services.AddLtcHosting(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Ltc:Jobs:Enabled"] = "false" }).Build());
            return services.Any(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType?.Name == "SystemdNotifyService")
                   && services.Any(s => s.ServiceType == typeof(SystemdNotifier));
        }
        finally
        {
            Environment.SetEnvironmentVariable(SystemdNotifier.SocketVariable, before);
        }
    }

    private static string? Directive(string unit, string name) => Directives(unit, name).LastOrDefault();

    private static IEnumerable<string> Directives(string unit, string name) =>
        unit.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(name + "=", StringComparison.Ordinal)).Select(l => l[(name.Length + 1)..].Trim());

    private static List<(string Host, int Port)> UpstreamServers(string nginx)
    {
        var block = UpstreamBlock().Match(StripComments(nginx));
        return !block.Success
            ? []
            : [.. ServerLine().Matches(block.Groups[1].Value).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))];
    }

    private static IEnumerable<string> ProxyPassTargets(string nginx) =>
        ProxyPass().Matches(StripComments(nginx)).Select(m => m.Groups[1].Value);

    private static string StripComments(string nginx) => string.Join('\n', nginx.Split('\n').Select(l => l.Split('#')[0]));

    [GeneratedRegex(@"upstream\s+ltcinsurance\s*\{([^}]*)\}")]
    private static partial Regex UpstreamBlock();

    [GeneratedRegex(@"^\s*server\s+([^\s:;]+):(\d+)", RegexOptions.Multiline)]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"proxy_pass\s+([^;\s]+)\s*;")]
    private static partial Regex ProxyPass();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LtcInsurance.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException($"no LtcInsurance.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>Alone: <see cref="DeployFilesTests"/> sets $NOTIFY_SOCKET for a moment, which a host starting in parallel would read.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeployFilesCollection
{
    public const string Name = "deploy-files";
}
