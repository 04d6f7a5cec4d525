using LtcInsurance.Application.Jobs;
using LtcInsurance.Domain.Jobs;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;
using Npgsql;

namespace LtcInsurance.Infrastructure.Jobs;

/// <summary>
/// The job table for workers, over the application role and under row-level security like everything else. To find
/// work the worker reads the platform's tenant list and, acting for each tenant in turn (<c>ltc.tenant</c> set for the
/// transaction), claims the oldest queued job with <c>FOR UPDATE SKIP LOCKED</c>: a row another worker is claiming is
/// skipped, never waited for, and never taken twice. This needs no function that bypasses the policies (a SECURITY
/// DEFINER claim would); the price is one short query per tenant per poll, a handful for the five cities. Times are
/// the database's (<c>now()</c>), so workers on several machines agree on what is stale.
/// </summary>
public sealed class PostgresJobQueue(LtcDatabaseEndpoint endpoint) : IJobQueue
{
    private const string Columns = "tenant_id, id, kind, payload::text, created_by, attempts";

    public async Task<ClaimedJob?> ClaimNextAsync(string worker, CancellationToken cancellationToken = default)
    {
        foreach (var tenant in await TenantsAsync(cancellationToken))
        {
            var job = await InTenantAsync(tenant, (c, t) => ClaimAsync(c, t, worker, null, cancellationToken), cancellationToken);
            if (job is not null)
                return job;
        }

        return null;
    }

    public Task<ClaimedJob?> ClaimAsync(string tenantId, Guid jobId, string worker, CancellationToken cancellationToken = default) =>
        InTenantAsync(tenantId, (c, t) => ClaimAsync(c, t, worker, jobId, cancellationToken), cancellationToken);

    public Task<bool> HeartbeatAsync(string tenantId, Guid jobId, string worker, int done, int total,
        CancellationToken cancellationToken = default) =>
        InTenantAsync(tenantId, async (c, t) =>
        {
            await using var command = new NpgsqlCommand("""
                UPDATE background_jobs SET heartbeat_at = now(), updated_at = now(), progress_done = @done, progress_total = @total
                WHERE id = @id AND status = 'running' AND locked_by = @worker
                """, c, t);
            command.Parameters.AddWithValue("id", jobId);
            command.Parameters.AddWithValue("worker", worker);
            command.Parameters.AddWithValue("done", done);
            command.Parameters.AddWithValue("total", total);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    public Task FinishAsync(string tenantId, Guid jobId, string worker, BackgroundJobStatus status, string? message,
        string? result, int done, int total, CancellationToken cancellationToken = default) =>
        InTenantAsync(tenantId, async (c, t) =>
        {
            await using var command = new NpgsqlCommand("""
                UPDATE background_jobs SET status = @status, message = @message, result = @result::jsonb, locked_by = NULL,
                    progress_done = @done, progress_total = @total, finished_at = now(), updated_at = now()
                WHERE id = @id AND status = 'running' AND locked_by = @worker
                """, c, t);
            command.Parameters.AddWithValue("id", jobId);
            command.Parameters.AddWithValue("worker", worker);
            command.Parameters.AddWithValue("status", JobView.StatusOf(status));
            command.Parameters.AddWithValue("message", (object?)message ?? DBNull.Value);
            command.Parameters.AddWithValue("result", (object?)result ?? DBNull.Value);
            command.Parameters.AddWithValue("done", done);
            command.Parameters.AddWithValue("total", total);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task ReleaseAsync(string tenantId, Guid jobId, string worker, string message, CancellationToken cancellationToken = default) =>
        InTenantAsync(tenantId, async (c, t) =>
        {
            await using var command = new NpgsqlCommand("""
                UPDATE background_jobs SET status = 'queued', message = @message, locked_by = NULL, updated_at = now()
                WHERE id = @id AND status = 'running' AND locked_by = @worker
                """, c, t);
            command.Parameters.AddWithValue("id", jobId);
            command.Parameters.AddWithValue("worker", worker);
            command.Parameters.AddWithValue("message", message);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public async Task<IReadOnlyList<RecoveredJob>> RecoverStaleAsync(TimeSpan staleAfter, int maxAttempts,
        CancellationToken cancellationToken = default)
    {
        var recovered = new List<RecoveredJob>();
        foreach (var tenant in await TenantsAsync(cancellationToken))
        {
            recovered.AddRange(await InTenantAsync(tenant, async (c, t) =>
            {
                // SKIP LOCKED: a job whose row a live worker is updating right now is not judged in that moment.
                await using var command = new NpgsqlCommand("""
                    WITH stale AS (
                        SELECT tenant_id, id FROM background_jobs
                        WHERE status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < now() - @stale)
                        FOR UPDATE SKIP LOCKED)
                    UPDATE background_jobs j SET
                        status = CASE WHEN j.attempts < @max THEN 'queued' ELSE 'failed' END,
                        message = CASE WHEN j.attempts < @max
                            THEN '执行该作业的工作进程中断（' || coalesce(j.locked_by, '?') || ' 心跳超时），已重新排队，将从中断处继续'
                            ELSE '执行该作业的工作进程中断（' || coalesce(j.locked_by, '?') || ' 心跳超时），已尝试 ' || j.attempts || ' 次，作业失败；可点“继续”重新执行' END,
                        locked_by = NULL,
                        finished_at = CASE WHEN j.attempts < @max THEN NULL ELSE now() END,
                        updated_at = now()
                    FROM stale WHERE j.tenant_id = stale.tenant_id AND j.id = stale.id
                    RETURNING j.tenant_id, j.id, j.kind, j.status, j.message
                    """, c, t);
                command.Parameters.AddWithValue("stale", staleAfter);
                command.Parameters.AddWithValue("max", maxAttempts);
                var found = new List<RecoveredJob>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(new RecoveredJob(reader.GetString(0), reader.GetGuid(1), reader.GetString(2),
                        reader.GetString(3) == "queued" ? BackgroundJobStatus.Queued : BackgroundJobStatus.Failed, reader.GetString(4)));
                }

                return found;
            }, cancellationToken));
        }

        return recovered;
    }

    private static async Task<ClaimedJob?> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string worker,
        Guid? jobId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            WITH next AS (
                SELECT tenant_id, id FROM background_jobs
                WHERE status = 'queued' AND (@id::uuid IS NULL OR id = @id::uuid)
                ORDER BY created_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            UPDATE background_jobs j SET status = 'running', locked_by = @worker, attempts = j.attempts + 1,
                heartbeat_at = now(), started_at = coalesce(j.started_at, now()), finished_at = NULL, updated_at = now()
            FROM next WHERE j.tenant_id = next.tenant_id AND j.id = next.id
            RETURNING {string.Join(", ", Columns.Split(", ").Select(c => "j." + c))}
            """, connection, transaction);
        command.Parameters.AddWithValue("worker", worker);
        command.Parameters.Add(new NpgsqlParameter("id", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)jobId ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new ClaimedJob(reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
            reader.GetString(4), reader.GetInt32(5));
    }

    /// <summary>The platform's tenants (a table without tenant data, readable by the application role).</summary>
    private async Task<List<string>> TenantsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(endpoint.AppConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT id FROM tenants ORDER BY id", connection);
        var tenants = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            tenants.Add(reader.GetString(0));
        return tenants;
    }

    /// <summary>Runs <paramref name="work"/> in a transaction acting for <paramref name="tenant"/> (row-level security applies).</summary>
    private async Task<T> InTenantAsync<T>(string tenant, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work,
        CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(endpoint.AppConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await TenantSession.SetForTransactionAsync(connection, transaction, tenant, cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
