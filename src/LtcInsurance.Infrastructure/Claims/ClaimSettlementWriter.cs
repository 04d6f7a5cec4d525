using LtcInsurance.Application.Claims;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LtcInsurance.Infrastructure.Claims;

/// <summary>
/// The bulk settlement's writes: binary COPY of the lines' results and of the settlements into scratch tables dropped at
/// commit (COPY cannot write into a table under row-level security), then one UPDATE of <c>claim_lines</c>, one DELETE of
/// the claims' previous settlements and one INSERT into <c>claim_settlements</c>, in the caller's transaction and under its
/// tenant setting (row-level security applies to the three statements).
/// </summary>
internal sealed class ClaimSettlementWriter(LtcDbContext db) : IClaimSettlementWriter
{
    private const int BulkCommandTimeout = 600;

    public async Task WriteAsync(IReadOnlyCollection<Guid> claimIds, IReadOnlyList<SettledLine> lines, IReadOnlyList<ClaimSettlement> settlements,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimIds);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(settlements);
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("结算结果须在事务内写入 / the settlement is written in the caller's transaction");
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var previous = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(BulkCommandTimeout);
        try
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TEMP TABLE settled_lines (id uuid NOT NULL, fund numeric(18,2) NOT NULL, individual numeric(18,2) NOT NULL, rejection character varying(32)) ON COMMIT DROP;
                CREATE TEMP TABLE settled_cases (LIKE claim_settlements) ON COMMIT DROP;
                """, cancellationToken);
            await using (var copy = await connection.BeginBinaryImportAsync(
                             "COPY settled_lines (id, fund, individual, rejection) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                copy.Timeout = TimeSpan.FromSeconds(BulkCommandTimeout);
                foreach (var line in lines)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(line.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(line.Fund, NpgsqlDbType.Numeric, cancellationToken);
                    await copy.WriteAsync(line.Individual, NpgsqlDbType.Numeric, cancellationToken);
                    if (line.Rejection is null)
                        await copy.WriteNullAsync(cancellationToken);
                    else
                        await copy.WriteAsync(line.Rejection, NpgsqlDbType.Varchar, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            await using (var copy = await connection.BeginBinaryImportAsync(
                             "COPY settled_cases (tenant_id, id, claim_id, person_id, entitlement_id, service_mode, year_to_date_before, " +
                             "earlier_in_month, billed, fund, individual, reductions, trace, settled_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                copy.Timeout = TimeSpan.FromSeconds(BulkCommandTimeout);
                foreach (var s in settlements)
                {
                    if (!string.Equals(s.TenantId, tenant, StringComparison.Ordinal))
                        throw new InvalidOperationException("结算不属于当前租户 / a settlement of another tenant");
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(s.TenantId, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(s.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(s.ClaimId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(s.PersonId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(s.EntitlementId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(s.ServiceMode, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(s.YearToDateBefore, NpgsqlDbType.Numeric, cancellationToken);
                    await copy.WriteAsync(s.EarlierInMonth, NpgsqlDbType.Numeric, cancellationToken);
                    await copy.WriteAsync(s.Billed, NpgsqlDbType.Numeric, cancellationToken);
                    await copy.WriteAsync(s.Fund, NpgsqlDbType.Numeric, cancellationToken);
                    await copy.WriteAsync(s.Individual, NpgsqlDbType.Numeric, cancellationToken);
                    await copy.WriteAsync(s.Reductions, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(s.Trace, NpgsqlDbType.Jsonb, cancellationToken);
                    await copy.WriteAsync(s.SettledAt, NpgsqlDbType.TimestampTz, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            var ids = claimIds.ToArray();
            var updated = await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE claim_lines l SET fund = s.fund, individual = s.individual, rejection = s.rejection
                FROM settled_lines s WHERE l.tenant_id = {tenant} AND l.id = s.id AND l.claim_id = ANY({ids})
                """, cancellationToken);
            if (updated != lines.Count)
                throw new InvalidOperationException($"结算写入 {updated} 条明细，应为 {lines.Count} 条 / settled lines not all written");
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"DELETE FROM claim_settlements WHERE tenant_id = {tenant} AND claim_id = ANY({ids})", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO claim_settlements SELECT * FROM settled_cases", cancellationToken);
        }
        finally
        {
            db.Database.SetCommandTimeout(previous);
        }
    }
}
