namespace LtcInsurance.Infrastructure.Postgres;

/// <summary>Where a private PostgreSQL cluster lives and whether it is disposable.</summary>
/// <param name="DataDirectory">The cluster's data directory; created (initdb) when it holds no cluster yet.</param>
/// <param name="Throwaway">
/// A test cluster: durability switched off for speed (fsync, synchronous_commit, full_page_writes) and the directory
/// deleted on dispose. Never for data anyone wants to keep.
/// </param>
public sealed record PostgresServerOptions(string DataDirectory, bool Throwaway)
{
    /// <summary>A throwaway cluster in a fresh directory under the temp folder.</summary>
    public static PostgresServerOptions ThrowawayInTemp() =>
        new(Path.Combine(Path.GetTempPath(), "ltc-pg-" + Guid.NewGuid().ToString("N")[..12], "data"), Throwaway: true);
}
