using LtcInsurance.Infrastructure.Postgres;

namespace LtcInsurance.Infrastructure.Persistence;

/// <summary>
/// The database the application talks to: configured connection strings, or an embedded development cluster
/// started on first use (so building a host that never touches the database starts nothing).
/// </summary>
public sealed class LtcDatabaseEndpoint : IAsyncDisposable
{
    private readonly string? _appConnectionString;
    private readonly string? _ownerConnectionString;
    private readonly PostgresServerOptions? _embeddedOptions;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private EmbeddedPostgres? _embedded;

    private LtcDatabaseEndpoint(string? app, string? owner, PostgresServerOptions? embedded)
    {
        _appConnectionString = app;
        _ownerConnectionString = owner;
        _embeddedOptions = embedded;
    }

    public static LtcDatabaseEndpoint Configured(string appConnectionString, string? ownerConnectionString) =>
        new(appConnectionString, ownerConnectionString, null);

    public static LtcDatabaseEndpoint Embedded(PostgresServerOptions options) => new(null, null, options);

    public bool IsEmbedded => _embeddedOptions is not null;

    public string AppConnectionString => _appConnectionString ?? EnsureStarted().AppConnectionString;

    /// <summary>Null when only the application connection is configured (then migrations cannot run here).</summary>
    public string? OwnerConnectionString => IsEmbedded ? EnsureStarted().OwnerConnectionString : _ownerConnectionString;

    public async Task EnsureStartedAsync(CancellationToken ct = default)
    {
        if (_embeddedOptions is null || _embedded is not null)
            return;
        await _startLock.WaitAsync(ct);
        try
        {
            _embedded ??= await EmbeddedPostgres.StartAsync(_embeddedOptions, ct);
        }
        finally
        {
            _startLock.Release();
        }
    }

    /// <summary>Stops the embedded cluster if it was started; a later use starts it again.</summary>
    public async Task StopAsync()
    {
        await _startLock.WaitAsync();
        try
        {
            if (_embedded is not null)
                await _embedded.DisposeAsync();
            _embedded = null;
        }
        finally
        {
            _startLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _startLock.Dispose();
    }

    private EmbeddedPostgres EnsureStarted()
    {
        if (_embedded is null)
        {
            // DbContext options are built synchronously; the first resolution pays for the start.
            EnsureStartedAsync().GetAwaiter().GetResult();
        }

        return _embedded!;
    }
}
