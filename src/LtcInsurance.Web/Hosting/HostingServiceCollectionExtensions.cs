using LtcInsurance.Application.Jobs;
using Microsoft.AspNetCore.HttpOverrides;

namespace LtcInsurance.Web.Hosting;

/// <summary>
/// Running behind nginx under systemd (docs/security.md, docs/operations.md): forwarded headers from the configured
/// proxies only, security headers and HSTS on every response, a warning when Production accepts any Host header, and
/// the sd_notify handshake of the <c>Type=notify</c> unit. The host filtering itself (<c>AllowedHosts</c>) is the
/// framework's, which runs before everything else.
/// </summary>
public static class HostingServiceCollectionExtensions
{
    public static IServiceCollection AddLtcHosting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Validated now: a mistyped proxy address stops the start instead of silently trusting nobody.
        ProxySettings.Configure(new ForwardedHeadersOptions(), configuration);
        services.Configure<ForwardedHeadersOptions>(options => ProxySettings.Configure(options, configuration));
        // First of all startup filters (the framework's host filtering is one): every response gets the headers.
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, SecurityHeadersStartupFilter>());

        if (SystemdNotifier.FromEnvironment() is { } notifier)
        {
            services.AddSingleton(notifier);
            services.AddHostedService<SystemdNotifyService>();
            // Child processes (e.g. pg_ctl) must not inherit systemd's socket.
            Environment.SetEnvironmentVariable(SystemdNotifier.SocketVariable, null);
        }

        services.AddLtcJobWorker(configuration);
        return services;
    }

    /// <summary>
    /// The background job worker (<see cref="JobWorkerService"/>) with its timings from <c>Ltc:Jobs</c>
    /// (<c>Enabled</c>, <c>HeartbeatSeconds</c>, <c>StaleAfterSeconds</c>, <c>MaxAttempts</c>, <c>PollSeconds</c>).
    /// </summary>
    public static IServiceCollection AddLtcJobWorker(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Ltc:Jobs");
        var defaults = new JobWorkerOptions();
        services.AddSingleton(new JobWorkerOptions
        {
            HeartbeatInterval = TimeSpan.FromSeconds(section.GetValue("HeartbeatSeconds", defaults.HeartbeatInterval.TotalSeconds)),
            StaleAfter = TimeSpan.FromSeconds(section.GetValue("StaleAfterSeconds", defaults.StaleAfter.TotalSeconds)),
            MaxAttempts = section.GetValue("MaxAttempts", defaults.MaxAttempts),
            PollInterval = TimeSpan.FromSeconds(section.GetValue("PollSeconds", defaults.PollInterval.TotalSeconds)),
        });
        if (section.GetValue("Enabled", true))
            services.AddHostedService<JobWorkerService>();
        var supervision = configuration.GetSection("Ltc:Supervision");
        if (supervision.GetValue("Nightly", true))
        {
            services.AddSingleton(new NightlySupervisionOptions(
                TimeOnly.TryParse(supervision.GetValue<string>("NightlyAt"), System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : new TimeOnly(2, 0)));
            services.AddHostedService<NightlySupervisionService>();
        }

        return services;
    }

    /// <summary>First in the application's pipeline (before error handling): the request's scheme, client address and
    /// host are settled before anything reads them. The security headers are already installed, ahead of it.</summary>
    public static WebApplication UseLtcHosting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();

        if (app.Environment.IsProduction() && ProxySettings.AllowedHosts(app.Configuration).Contains("*"))
        {
            app.Logger.LogWarning(
                "AllowedHosts is \"*\": any Host header is accepted. Set AllowedHosts to the public host name(s), e.g. " +
                "AllowedHosts=ltc.example.gov.cn;localhost (docs/operations.md)");
        }

        return app;
    }
}
