using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Infrastructure.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>What the books hold that an append of some drafts depends on, read under the tenant's ledger lock.</summary>
internal sealed record LedgerState(
    ChainHead Head,
    Dictionary<string, JournalEntry> ByKey,
    PeriodCalendar Calendar,
    HashSet<string> KnownAccounts,
    Dictionary<long, JournalEntry> Targets,
    HashSet<long> Reversed);

/// <summary>
/// The ledger's SQL, on one transaction, for the posting service: plain Npgsql batches (no change tracking, no EF
/// savepoints), each one round trip. Every batch begins by setting the tenant for the transaction, so it holds whether
/// or not EF began the transaction; row-level security applies as to every statement of the application role.
/// </summary>
internal sealed class LedgerStore(NpgsqlTransaction transaction, string tenant)
{
    private const string EntryColumns =
        "e.sequence, e.business_date, e.period, e.original_period, e.description, e.source_type, e.source_reference, " +
        "e.idempotency_key, e.reverses, e.recorded_at, e.previous_hash, e.hash, p.account_code, p.side, p.amount";

    private readonly NpgsqlConnection connection = transaction.Connection
        ?? throw new InvalidOperationException("the ledger's transaction has no connection");

    public string Tenant { get; } = tenant;

    private string LockKey => "ltc.ledger:" + Tenant;

    /// <summary>Sets the tenant and takes the tenant's ledger lock (held until the transaction ends).</summary>
    public async Task LockAsync(CancellationToken cancellationToken)
    {
        await using var batch = NewBatch();
        AddTenantAndLock(batch, takeLock: true);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// One round trip: sets the tenant, takes the lock (unless held), then reads the chain head, the entries under
    /// <paramref name="keys"/>, which of <paramref name="codes"/> the chart has, the closed periods and, for reversals,
    /// the entries <paramref name="targets"/> and which of them are reversed already. Statements of one batch run in
    /// order, each with a fresh snapshot (read committed), so the reads after the lock see every commit before it.
    /// </summary>
    public async Task<LedgerState> ReadAsync(IReadOnlyCollection<string> keys, IReadOnlyCollection<string> codes,
        IReadOnlyCollection<long> targets, bool takeLock, CancellationToken cancellationToken)
    {
        await using var batch = NewBatch();
        AddTenantAndLock(batch, takeLock);
        Add(batch, "SELECT last_sequence, last_hash FROM ledger_chain_heads WHERE tenant_id = $1", Text(Tenant));
        // The entries are found by their key first (materialised), then their postings by the entry: planned as one join
        // on statistics from before a bulk run (an empty journal), it scanned every posting against every entry, a cost
        // growing with the square of a billing run's batches.
        Add(batch, $"""
            WITH e AS MATERIALIZED (
                SELECT * FROM journal_entries WHERE tenant_id = $1 AND idempotency_key = ANY($2))
            SELECT {EntryColumns} FROM e
            JOIN journal_postings p ON p.tenant_id = e.tenant_id AND p.sequence = e.sequence
            ORDER BY e.sequence, p.line
            """, Text(Tenant), TextArray([.. keys]));
        Add(batch, "SELECT code FROM ledger_accounts WHERE tenant_id = $1 AND code = ANY($2)", Text(Tenant),
            TextArray([.. codes]));
        Add(batch, "SELECT period FROM ledger_periods WHERE tenant_id = $1", Text(Tenant));
        if (targets.Count > 0)
        {
            Add(batch, $"""
                SELECT {EntryColumns} FROM journal_entries e
                JOIN journal_postings p ON p.tenant_id = e.tenant_id AND p.sequence = e.sequence
                WHERE e.tenant_id = $1 AND e.sequence = ANY($2) ORDER BY e.sequence, p.line
                """, Text(Tenant), BigintArray([.. targets]));
            Add(batch, "SELECT reverses FROM journal_entries WHERE tenant_id = $1 AND reverses = ANY($2)", Text(Tenant),
                BigintArray([.. targets]));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        // set_config, and the lock when taken: one row each, nothing to read.
        await reader.NextResultAsync(cancellationToken);
        if (takeLock)
            await reader.NextResultAsync(cancellationToken);

        var head = ChainHead.Empty;
        if (await reader.ReadAsync(cancellationToken))
            head = new ChainHead(reader.GetInt64(0), reader.GetString(1));
        await reader.NextResultAsync(cancellationToken);

        var byKey = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        foreach (var entry in await ReadEntriesAsync(reader, cancellationToken))
            byKey[entry.IdempotencyKey] = entry;
        await reader.NextResultAsync(cancellationToken);

        var known = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            known.Add(reader.GetString(0));
        await reader.NextResultAsync(cancellationToken);

        var closed = new List<LedgerPeriod>();
        while (await reader.ReadAsync(cancellationToken))
            closed.Add(LedgerPeriod.Parse(reader.GetString(0)));

        var targetEntries = new Dictionary<long, JournalEntry>();
        var reversed = new HashSet<long>();
        if (targets.Count > 0)
        {
            await reader.NextResultAsync(cancellationToken);
            foreach (var entry in await ReadEntriesAsync(reader, cancellationToken))
                targetEntries[entry.Sequence] = entry;
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                reversed.Add(reader.GetInt64(0));
        }

        return new LedgerState(head, byKey, new PeriodCalendar(closed), known, targetEntries, reversed);
    }

    /// <summary>
    /// One statement: the entries, all their postings and the new chain head. The database checks the balance of the
    /// entries once at the end of the statement (migration <c>20261128002000_LedgerBatch</c>), so an entry and its
    /// postings are always written by the same statement.
    /// </summary>
    /// <param name="recordedBy">Who posts (kept beside the entry, outside its hash); null when no user acts.</param>
    public async Task WriteAsync(IReadOnlyList<JournalEntry> entries, string? recordedBy, CancellationToken cancellationToken)
    {
        var n = entries.Count;
        var sequences = new long[n];
        var dates = new DateOnly[n];
        var periods = new string[n];
        var originals = new string?[n];
        var descriptions = new string[n];
        var sourceTypes = new string[n];
        var references = new string[n];
        var keys = new string[n];
        var reverses = new long?[n];
        var recorded = new DateTime[n];
        var previous = new string[n];
        var hashes = new string[n];
        var lines = entries.Sum(e => e.Postings.Count);
        var postingSequences = new long[lines];
        var lineNumbers = new short[lines];
        var accounts = new string[lines];
        var sides = new string[lines];
        var amounts = new decimal[lines];
        var at = 0;
        for (var i = 0; i < n; i++)
        {
            var e = entries[i];
            if (e.TenantId != Tenant)
                throw new InvalidOperationException("entry of another tenant");
            sequences[i] = e.Sequence;
            dates[i] = e.BusinessDate;
            periods[i] = e.Period.ToString();
            originals[i] = e.OriginalPeriod?.ToString();
            descriptions[i] = e.Description;
            sourceTypes[i] = e.SourceType.ToText();
            references[i] = e.SourceReference;
            keys[i] = e.IdempotencyKey;
            reverses[i] = e.Reverses;
            recorded[i] = e.RecordedAt.UtcDateTime;
            previous[i] = e.PreviousHash;
            hashes[i] = e.Hash;
            for (var line = 0; line < e.Postings.Count; line++, at++)
            {
                var posting = e.Postings[line];
                postingSequences[at] = e.Sequence;
                lineNumbers[at] = (short)(line + 1);
                accounts[at] = posting.AccountCode;
                sides[at] = posting.Side.ToText();
                amounts[at] = posting.Amount;
            }
        }

        await using var batch = NewBatch();
        Add(batch, "SELECT set_config($1, $2, true)", Text(TenantSession.SettingName), Text(Tenant));
        Add(batch, """
            WITH entries AS (
                INSERT INTO journal_entries (tenant_id, sequence, business_date, period, original_period, description,
                    source_type, source_reference, idempotency_key, reverses, recorded_at, previous_hash, hash, recorded_by)
                SELECT $1, u.*, $21 FROM unnest($2::bigint[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[],
                    $8::text[], $9::text[], $10::bigint[], $11::timestamptz[], $12::text[], $13::text[]) AS u
            ), postings AS (
                INSERT INTO journal_postings (tenant_id, sequence, line, account_code, side, amount)
                SELECT $1, * FROM unnest($14::bigint[], $15::smallint[], $16::text[], $17::text[], $18::numeric[])
            )
            INSERT INTO ledger_chain_heads (tenant_id, last_sequence, last_hash) VALUES ($1, $19, $20)
            ON CONFLICT (tenant_id) DO UPDATE SET last_sequence = excluded.last_sequence, last_hash = excluded.last_hash
            """,
            Text(Tenant), BigintArray(sequences), new NpgsqlParameter<DateOnly[]>
            {
                NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date,
                TypedValue = dates,
            },
            TextArray(periods), NullableTextArray(originals), TextArray(descriptions), TextArray(sourceTypes),
            TextArray(references), TextArray(keys),
            new NpgsqlParameter<long?[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, TypedValue = reverses },
            new NpgsqlParameter<DateTime[]>
            {
                NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
                TypedValue = recorded,
            },
            TextArray(previous), TextArray(hashes),
            BigintArray(postingSequences),
            new NpgsqlParameter<short[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Smallint, TypedValue = lineNumbers },
            TextArray(accounts), TextArray(sides),
            new NpgsqlParameter<decimal[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric, TypedValue = amounts },
            new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = entries[^1].Sequence },
            Text(entries[^1].Hash),
            new NpgsqlParameter<string?> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = recordedBy });
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Closes the given months (those not closed yet); the caller holds the lock.</summary>
    public async Task ClosePeriodsAsync(IReadOnlyList<string> periods, DateTimeOffset closedAt,
        CancellationToken cancellationToken)
    {
        await using var batch = NewBatch();
        AddTenantAndLock(batch, takeLock: false);
        Add(batch, """
            INSERT INTO ledger_periods (tenant_id, period, closed_at)
            SELECT $1, period, $3 FROM unnest($2::text[]) AS period
            ON CONFLICT (tenant_id, period) DO NOTHING
            """, Text(Tenant), TextArray([.. periods]),
            new NpgsqlParameter<DateTime> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = closedAt.UtcDateTime });
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Debit-positive balance of every account over the entries booked up to <paramref name="lastPeriod"/>.</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> BalancesThroughAsync(string lastPeriod,
        CancellationToken cancellationToken)
    {
        await using var batch = NewBatch();
        AddTenantAndLock(batch, takeLock: false);
        Add(batch, """
            SELECT p.account_code, sum(CASE WHEN p.side = 'D' THEN p.amount ELSE -p.amount END)
            FROM journal_postings p
            JOIN journal_entries e ON e.tenant_id = p.tenant_id AND e.sequence = p.sequence
            WHERE p.tenant_id = $1 AND e.period <= $2
            GROUP BY p.account_code
            """, Text(Tenant), Text(lastPeriod));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var balances = new Dictionary<string, decimal>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            balances[reader.GetString(0)] = reader.GetDecimal(1);
        return balances;
    }

    /// <summary>The tenant's chart.</summary>
    public async Task<IReadOnlyList<Account>> AccountsAsync(CancellationToken cancellationToken)
    {
        await using var batch = NewBatch();
        AddTenantAndLock(batch, takeLock: false);
        Add(batch, "SELECT code, name, type, region_code FROM ledger_accounts WHERE tenant_id = $1", Text(Tenant));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var accounts = new List<Account>();
        while (await reader.ReadAsync(cancellationToken))
            accounts.Add(new LedgerAccountRecord
            {
                TenantId = Tenant,
                Code = reader.GetString(0),
                Name = reader.GetString(1),
                Type = reader.GetString(2),
                RegionCode = reader.IsDBNull(3) ? null : reader.GetString(3),
            }.ToDomain());
        return accounts;
    }

    private NpgsqlBatch NewBatch() => new(connection, transaction);

    private void AddTenantAndLock(NpgsqlBatch batch, bool takeLock)
    {
        Add(batch, "SELECT set_config($1, $2, true)", Text(TenantSession.SettingName), Text(Tenant));
        if (takeLock)
            Add(batch, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", Text(LockKey));
    }

    private static void Add(NpgsqlBatch batch, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.Add(parameter);
        batch.BatchCommands.Add(command);
    }

    /// <summary>Rows of <see cref="EntryColumns"/>, one per posting, ordered by sequence and line.</summary>
    private async Task<List<JournalEntry>> ReadEntriesAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var entries = new List<JournalEntry>();
        var postings = new List<Posting>();
        StoredEntry? current = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var sequence = reader.GetInt64(0);
            if (current is null || current.Sequence != sequence)
            {
                if (current is not null)
                    entries.Add(current.ToEntry(Tenant, postings));
                postings = [];
                current = new StoredEntry(sequence, reader.GetFieldValue<DateOnly>(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    reader.GetString(6), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetInt64(8),
                    reader.GetFieldValue<DateTimeOffset>(9), reader.GetString(10), reader.GetString(11));
            }

            postings.Add(Posting.FromStore(reader.GetString(12), LedgerRecordMapping.ParseSide(reader.GetString(13)),
                reader.GetDecimal(14)));
        }

        if (current is not null)
            entries.Add(current.ToEntry(Tenant, postings));
        return entries;
    }

    private sealed record StoredEntry(long Sequence, DateOnly BusinessDate, string Period, string? OriginalPeriod,
        string Description, string SourceType, string SourceReference, string IdempotencyKey, long? Reverses,
        DateTimeOffset RecordedAt, string PreviousHash, string Hash)
    {
        // As read, unchecked (like LedgerRecordMapping.ToDomain): the decision compares it, the verifier judges it.
        public JournalEntry ToEntry(string tenant, IReadOnlyList<Posting> postings) => JournalEntry.FromStore(tenant,
            Sequence, BusinessDate, LedgerPeriod.Parse(Period), OriginalPeriod is null ? null : LedgerPeriod.Parse(OriginalPeriod),
            Description, LedgerRecordMapping.ParseSourceType(SourceType), SourceReference, IdempotencyKey, Reverses, postings,
            RecordedAt, PreviousHash, Hash);
    }

    private static NpgsqlParameter Text(string value) =>
        new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = value };

    private static NpgsqlParameter TextArray(string[] values) =>
        new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = values };

    private static NpgsqlParameter NullableTextArray(string?[] values) =>
        new NpgsqlParameter<string?[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = values };

    private static NpgsqlParameter BigintArray(long[] values) =>
        new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, TypedValue = values };
}
