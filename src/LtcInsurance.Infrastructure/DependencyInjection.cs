using Microsoft.EntityFrameworkCore;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Infrastructure.Enrollment;
using LtcInsurance.Infrastructure.Identity;
using LtcInsurance.Infrastructure.Import;
using LtcInsurance.Infrastructure.Jobs;
using LtcInsurance.Infrastructure.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LtcInsurance.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the database (embedded PostgreSQL when no connection string is configured),
    /// the DbContext with tenancy, and Identity stores. The caller registers <c>ICurrentTenant</c>.
    /// </summary>
    /// <remarks>
    /// ConnectionStrings:Ltc is the application role, ConnectionStrings:LtcOwner the owner role for migrations.
    /// Without Ltc a private cluster is started on first use in Ltc:DataDirectory (default
    /// &lt;content root&gt;/.data/postgres, kept across runs) and stopped when the host stops.
    /// </remarks>
    public static IServiceCollection AddLtcInfrastructure(this IServiceCollection services,
        IConfiguration configuration, IHostEnvironment environment)
    {
        var app = configuration.GetConnectionString("Ltc");
        LtcDatabaseEndpoint endpoint;
        if (string.IsNullOrWhiteSpace(app))
        {
            var dataDirectory = configuration["Ltc:DataDirectory"]
                                ?? Path.Combine(environment.ContentRootPath, ".data", "postgres");
            endpoint = LtcDatabaseEndpoint.Embedded(new PostgresServerOptions(dataDirectory, Throwaway: false));
            services.AddHostedService(_ => new EmbeddedPostgresLifetime(endpoint));
        }
        else
        {
            endpoint = LtcDatabaseEndpoint.Configured(app, configuration.GetConnectionString("LtcOwner"));
        }

        return services.AddLtcInfrastructure(endpoint);
    }

    /// <summary>
    /// Registers the infrastructure over a database that is already there (CLI, tests): <paramref name="appConnectionString"/>
    /// as the application role, <paramref name="ownerConnectionString"/> (optional) for migrations.
    /// </summary>
    public static IServiceCollection AddLtcInfrastructure(this IServiceCollection services, string appConnectionString,
        string? ownerConnectionString = null) =>
        services.AddLtcInfrastructure(LtcDatabaseEndpoint.Configured(appConnectionString, ownerConnectionString));

    private static IServiceCollection AddLtcInfrastructure(this IServiceCollection services, LtcDatabaseEndpoint endpoint)
    {
        services.AddSingleton(endpoint);
        services.AddDbContext<LtcDbContext>((sp, options) =>
            LtcDbContextOptions.ConfigureForApplication(options, sp.GetRequiredService<LtcDatabaseEndpoint>().AppConnectionString));
        services.AddScoped<ILtcDbContext>(sp => sp.GetRequiredService<LtcDbContext>());
        services.AddDbContext<KeyRingDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<LtcDatabaseEndpoint>().AppConnectionString));
        services.AddScoped<Application.Contributions.IRowLocks, Contributions.RowLocks>();
        services.AddScoped<Application.Contributions.RunBilling.IBillWriter, Contributions.BillWriter>();
        services.AddScoped<Application.Claims.IBeneficiaryLocks, Claims.BeneficiaryLocks>();
        services.AddScoped<Application.Claims.IClaimSettlementWriter, Claims.ClaimSettlementWriter>();
        services.AddScoped<Application.Supervision.ISupervisionReader, Supervision.SupervisionReader>();
        services.AddLtcLedger();
        services.AddLtcEnrollment();
        services.AddLtcImport();
        services.AddLtcJobs();
        services.AddLtcUserDirectory();
        services.AddScoped<Application.Users.IUserAdministration, Identity.UserAdministration>();
        services.AddScoped<Application.Tenants.ITenantProvisioning, Tenancy.TenantProvisioning>();
        services.AddSingleton<Application.ApiClients.IApiKeyDirectory, ApiClients.ApiKeyDirectory>();
        services.AddSingleton<Application.Common.Documents.INoticeRenderer, Documents.PdfNoticeRenderer>();
        return services;
    }

    /// <summary>
    /// Migrates as the owner role, verifies that the application role cannot bypass row-level security and that
    /// every tenant table has it (throws <see cref="DatabaseSecurityException"/>: the app refuses to start), and
    /// seeds the demo tenants, users and registers when <paramref name="seedDemoData"/>.
    /// </summary>
    public static async Task InitializeLtcDatabaseAsync(this IServiceProvider services, bool seedDemoData,
        CancellationToken ct = default)
    {
        var endpoint = services.GetRequiredService<LtcDatabaseEndpoint>();
        await endpoint.EnsureStartedAsync(ct);
        var owner = endpoint.OwnerConnectionString
                    ?? throw new InvalidOperationException(
                        "ConnectionStrings:LtcOwner is not configured: cannot migrate the database. 未配置数据库所有者连接字符串。");
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("LtcInsurance.Database");
        await new LtcDatabaseInitializer(owner, endpoint.AppConnectionString, logger).InitializeAsync(seedDemoData, ct);
    }

    /// <summary>Stops the embedded development cluster with the host.</summary>
    private sealed class EmbeddedPostgresLifetime(LtcDatabaseEndpoint endpoint) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => endpoint.StopAsync();
    }
}
