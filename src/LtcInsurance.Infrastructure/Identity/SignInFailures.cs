using System.Data.Common;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LtcInsurance.Infrastructure.Identity;

/// <summary>How sign-in failures are counted (docs/security.md, "Sign-in throttling and lockout").</summary>
public sealed class SignInThrottleOptions
{
    /// <summary>Wrong passwords from one client address for one user name before that address is refused that name.</summary>
    public int FailuresPerAddress { get; set; } = 5;

    /// <summary>How long the count of one address and name lasts from its first failure (and so the refusal).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>One (client address, user name)'s failed sign-ins in the window that began at <see cref="WindowStartedAt"/>.</summary>
public sealed class SignInFailureCount
{
    public string Address { get; init; } = "";

    /// <summary>The user name as typed, trimmed and upper-cased (unknown names are counted too).</summary>
    public string UserName { get; init; } = "";

    public int Failures { get; init; }

    public DateTimeOffset WindowStartedAt { get; init; }
}

internal sealed class SignInFailureCountConfiguration : IEntityTypeConfiguration<SignInFailureCount>
{
    public void Configure(EntityTypeBuilder<SignInFailureCount> builder)
    {
        builder.ToTable("sign_in_failure_counts");
        builder.HasKey(c => new { c.Address, c.UserName });
    }
}

/// <summary>
/// Failed sign-ins per (client address, user name) for a window, in the database (<c>sign_in_failure_counts</c>), so every
/// web node counts the same failures: behind a load balancer an address gets its allowance once, not once per node.
/// Unknown names are counted the same way as real ones, so the answers do not tell which names exist. Each count is one
/// upsert; a count whose window has passed starts again at one, and passed windows are deleted when a new one opens.
/// </summary>
internal sealed class SignInFailures(LtcDbContext db, IOptions<SignInThrottleOptions> options, TimeProvider clock)
{
    private static string Key(string userName) => userName.Trim().ToUpperInvariant();

    private DateTimeOffset WindowOpenSince => clock.GetUtcNow() - options.Value.Window;

    public async Task<bool> IsBlockedAsync(string userName, string address, CancellationToken cancellationToken = default)
    {
        var name = Key(userName);
        var since = WindowOpenSince;
        var failures = await db.Set<SignInFailureCount>().AsNoTracking()
            .Where(c => c.Address == address && c.UserName == name && c.WindowStartedAt > since)
            .Select(c => (int?)c.Failures)
            .SingleOrDefaultAsync(cancellationToken) ?? 0;
        return failures >= options.Value.FailuresPerAddress;
    }

    /// <summary>Counts a failure; true when it is the first from this address for this name in the window.</summary>
    public async Task<bool> RecordAsync(string userName, string address, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var since = WindowOpenSince;
        var failures = await ExecuteAsync<int>("""
            INSERT INTO sign_in_failure_counts AS c (address, user_name, failures, window_started_at)
            VALUES (@address, @name, 1, @now)
            ON CONFLICT (address, user_name) DO UPDATE SET
                failures = CASE WHEN c.window_started_at <= @since THEN 1 ELSE c.failures + 1 END,
                window_started_at = CASE WHEN c.window_started_at <= @since THEN @now ELSE c.window_started_at END
            RETURNING failures
            """, cancellationToken, ("address", address), ("name", Key(userName)), ("now", now), ("since", since));
        if (failures == 1)
        {
            await ExecuteAsync<object>("DELETE FROM sign_in_failure_counts WHERE window_started_at <= @since",
                cancellationToken, ("since", since));
        }
        return failures == 1;
    }

    public Task ForgetAsync(string userName, string address, CancellationToken cancellationToken = default)
    {
        var name = Key(userName);
        return db.Set<SignInFailureCount>().Where(c => c.Address == address && c.UserName == name)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<T> ExecuteAsync<T>(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
                command.Parameters.Add(new NpgsqlParameter(name, value));
            var result = await command.ExecuteScalarAsync(cancellationToken);
            return result is T typed ? typed : default!;
        }
        finally
        {
            if (opened)
                await db.Database.CloseConnectionAsync();
        }
    }
}
