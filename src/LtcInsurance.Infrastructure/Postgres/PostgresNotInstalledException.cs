namespace LtcInsurance.Infrastructure.Postgres;

/// <summary>The machine has no PostgreSQL server binaries for the embedded development/test cluster.</summary>
public sealed class PostgresNotInstalledException(string message) : Exception(message);
