using System.Data.Common;
using LtcInsurance.Infrastructure.Postgres;

namespace LtcInsurance.Cli.Composition;

/// <summary>
/// The database a command works on as the application role: the configured connection, or, without one, the embedded
/// development cluster in a data directory (started for the command, stopped when disposed), as <c>ltc db migrate</c>
/// does. Commands outside this folder name neither Npgsql nor the embedded cluster.
/// </summary>
public sealed class CliDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgres? _embedded;

    private CliDatabase(string appConnectionString, EmbeddedPostgres? embedded)
    {
        AppConnectionString = appConnectionString;
        _embedded = embedded;
    }

    public string AppConnectionString { get; }

    /// <summary>Uses <paramref name="appConnectionString"/>, or starts the cluster in <paramref name="dataDirectory"/> (saying so on <paramref name="stderr"/>).</summary>
    public static async Task<CliDatabase> OpenAsync(string? appConnectionString, string dataDirectory, TextWriter stderr,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        if (!string.IsNullOrWhiteSpace(appConnectionString))
            return new CliDatabase(appConnectionString, null);
        await stderr.WriteLineAsync($"未配置数据库连接，使用开发数据库 / no connection configured: using the embedded cluster in {dataDirectory}");
        var embedded = await EmbeddedPostgres.StartAsync(new PostgresServerOptions(dataDirectory, Throwaway: false), cancellationToken);
        return new CliDatabase(embedded.AppConnectionString, embedded);
    }

    /// <summary>
    /// Whether <paramref name="failure"/> means the database could not be used (unreachable, refused, not installed, a
    /// bad connection string, no such tenant) rather than a bug.
    /// </summary>
    public static bool IsUnavailable(Exception failure) =>
        failure is DbException or PostgresNotInstalledException or InvalidOperationException or ArgumentException;

    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null)
            await _embedded.DisposeAsync();
    }
}
