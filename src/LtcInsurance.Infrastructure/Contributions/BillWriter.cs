using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace LtcInsurance.Infrastructure.Contributions;

/// <summary>
/// One <c>INSERT … SELECT FROM unnest(…)</c> of the bills and their lines (a data-modifying WITH, so both tables are
/// written by one statement and the lines' foreign key is checked at its end), on the context's connection and in its
/// transaction, as the application role (row-level security applies). COPY is not used: it refuses a table under
/// row-level security. Each distinct trace is sent and parsed once per batch; bills pick theirs by index.
/// </summary>
internal sealed class BillWriter(LtcDbContext db) : IBillWriter
{
    private const string Sql = """
        WITH b AS (
            INSERT INTO contribution_bills (tenant_id, id, period, person_id, scheme, region_code, total, individual_due, trace, journal_sequence, created_at)
            SELECT @tenant, t.id, @period, t.person_id, t.scheme, t.region_code, t.total, t.individual_due, (@traces)[t.trace], t.journal_sequence, @created_at
              FROM unnest(@ids, @people, @schemes, @regions, @totals, @individual, @trace_ix, @sequences)
                AS t(id, person_id, scheme, region_code, total, individual_due, trace, journal_sequence))
        INSERT INTO contribution_bill_lines (tenant_id, bill_id, payer, amount)
        SELECT @tenant, l.bill_id, l.payer, l.amount FROM unnest(@line_bills, @line_payers, @line_amounts) AS l(bill_id, payer, amount)
        """;

    public async Task InsertAsync(string period, DateTimeOffset createdAt, IReadOnlyList<NewBill> bills, IReadOnlyList<string> traces,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bills);
        ArgumentNullException.ThrowIfNull(traces);
        if (bills.Count == 0)
            return;
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
                          ?? throw new InvalidOperationException("缴费单须在事务内写入 / bills are written in the caller's transaction");
        var lineCount = bills.Sum(b => b.Lines.Count);
        var lineBills = new Guid[lineCount];
        var linePayers = new string[lineCount];
        var lineAmounts = new decimal[lineCount];
        var n = 0;
        foreach (var bill in bills)
        {
            foreach (var line in bill.Lines)
            {
                lineBills[n] = bill.Id;
                linePayers[n] = line.Payer;
                lineAmounts[n] = line.Amount;
                n++;
            }
        }

        await using var command = new NpgsqlCommand(Sql, (NpgsqlConnection)db.Database.GetDbConnection(), transaction);
        command.CommandTimeout = 0;
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("period", period);
        command.Parameters.AddWithValue("created_at", createdAt.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter("traces", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = traces.ToArray() });
        command.Parameters.AddWithValue("ids", bills.Select(b => b.Id).ToArray());
        command.Parameters.AddWithValue("people", bills.Select(b => b.PersonId).ToArray());
        command.Parameters.AddWithValue("schemes", bills.Select(b => b.Scheme).ToArray());
        command.Parameters.AddWithValue("regions", bills.Select(b => b.RegionCode).ToArray());
        command.Parameters.AddWithValue("totals", bills.Select(b => b.Total).ToArray());
        command.Parameters.AddWithValue("individual", bills.Select(b => b.IndividualDue).ToArray());
        // Postgres arrays are 1-based.
        command.Parameters.AddWithValue("trace_ix", bills.Select(b => b.Trace + 1).ToArray());
        command.Parameters.AddWithValue("sequences", bills.Select(b => b.JournalSequence).ToArray());
        command.Parameters.AddWithValue("line_bills", lineBills);
        command.Parameters.AddWithValue("line_payers", linePayers);
        command.Parameters.AddWithValue("line_amounts", lineAmounts);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task RefreshStatisticsAsync(CancellationToken cancellationToken = default) =>
        db.Database.RefreshStatisticsAsync(["contribution_bills", "contribution_bill_lines", "journal_entries", "journal_postings"], cancellationToken);
}
