using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LtcInsurance.Infrastructure.Persistence;

/// <summary>How an <see cref="LtcDbContext"/> is configured, in one place for the host, the CLI and tests.</summary>
public static class LtcDbContextOptions
{
    private static readonly TenantCommandInterceptor CommandInterceptor = new();
    private static readonly TenantTransactionInterceptor TransactionInterceptor = new();

    /// <summary>
    /// The application's contexts: every command carries the current tenant to row-level security.
    /// </summary>
    public static DbContextOptionsBuilder ConfigureForApplication(DbContextOptionsBuilder options, string connectionString) =>
        ConfigureCommon(options, connectionString).AddInterceptors(CommandInterceptor, TransactionInterceptor);

    /// <summary>
    /// The owner role's contexts (migrations, seeding, EnsureCreated in tests): no tenant interceptors, because DDL
    /// such as CREATE DATABASE cannot run inside the transaction they would wrap it in, and the owner bypasses
    /// row-level security anyway.
    /// </summary>
    public static DbContextOptionsBuilder ConfigureForOwner(DbContextOptionsBuilder options, string connectionString) =>
        ConfigureCommon(options, connectionString);

    public static DbContextOptions<LtcDbContext> ForApplication(string connectionString) =>
        (DbContextOptions<LtcDbContext>)ConfigureForApplication(new DbContextOptionsBuilder<LtcDbContext>(), connectionString).Options;

    public static DbContextOptions<LtcDbContext> ForOwner(string connectionString) =>
        (DbContextOptions<LtcDbContext>)ConfigureForOwner(new DbContextOptionsBuilder<LtcDbContext>(), connectionString).Options;

    private static DbContextOptionsBuilder ConfigureCommon(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString)
            // Migrations are hand-written (no design-time tools, so no model snapshot): EF would always report
            // pending model changes. The schema-equality integration test is the check instead (ADR 0003).
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
}
