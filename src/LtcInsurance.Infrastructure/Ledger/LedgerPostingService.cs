using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>
/// Appends to the current tenant's books. Writers of one tenant serialize on a transaction-scoped advisory lock
/// (one lock, always the same, so two posters can wait for each other but never deadlock); inside it the chain
/// head and what else the append depends on are read, the domain decides (<see cref="LedgerAppend"/>, as the in-memory
/// books do), and the entries are inserted with their postings and the new head, all in one transaction. Tenants do not
/// wait for each other.
/// <para>
/// Round trips of a posting in its own transaction: one batch that sets the tenant, takes the lock and reads the head,
/// the entries under the drafts' keys, the drafts' accounts and the closed periods (<see cref="LedgerStore.ReadAsync"/>);
/// one statement inserting the entries, their postings and the new head (<see cref="LedgerStore.WriteAsync"/>); the
/// commit. A batch of drafts costs the same three, whatever its size. Each new entry records who posted it
/// (<c>recorded_by</c>, outside the hash) when the service runs in a use case's scope.
/// </para>
/// </summary>
public sealed class LedgerPostingService(LtcDbContext db, TimeProvider clock, ICurrentUser? user = null) : ILedgerPostingService
{
    private string Tenant => db.CurrentTenantId
        ?? throw new InvalidOperationException("没有当前租户，不能记账 / no current tenant: cannot post");

    public async Task<PostingResult> PostAsync(EntryDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var decisions = await InLockAsync((store, ct) => AppendLockedAsync(store, [draft], takeLock: true, ct),
            cancellationToken);
        return Result(decisions[0]);
    }

    public async Task<IReadOnlyList<BatchPostingResult>> PostBatchAsync(IReadOnlyList<EntryDraft> drafts,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        if (drafts.Count == 0)
            return [];
        foreach (var draft in drafts)
            ArgumentNullException.ThrowIfNull(draft, nameof(drafts));
        var decisions = await InLockAsync((store, ct) => AppendLockedAsync(store, drafts, takeLock: true, ct),
            cancellationToken);
        var results = new BatchPostingResult[drafts.Count];
        for (var i = 0; i < drafts.Count; i++)
            results[i] = decisions[i] is AppendDecision.Rejected r
                ? new BatchPostingResult(drafts[i], null, r.Rule, r.Message)
                : new BatchPostingResult(drafts[i], Result(decisions[i]));
        return results;
    }

    public async Task<PostingResult> ReverseAsync(long sequence, DateOnly businessDate, string idempotencyKey,
        string? description = null, CancellationToken cancellationToken = default) =>
        await InLockAsync(async (store, ct) =>
        {
            var state = await store.ReadAsync([idempotencyKey], [], [sequence], takeLock: true, ct);
            if (state.ByKey.TryGetValue(idempotencyKey, out var existing))
                return new PostingResult(existing, AlreadyPosted: true);
            var target = state.Targets.TryGetValue(sequence, out var original)
                ? new ReversalTarget(original, state.Reversed.Contains(sequence))
                : null;
            var draft = LedgerAppend.ReversalOf(target, sequence, businessDate, idempotencyKey, description);
            return Result((await AppendLockedAsync(store, [draft], takeLock: false, ct))[0]);
        }, cancellationToken);

    public async Task ClosePeriodAsync(LedgerPeriod period, CancellationToken cancellationToken = default) =>
        await InLockAsync(async (store, ct) =>
        {
            await store.LockAsync(ct);
            await store.ClosePeriodsAsync([period.ToString()], clock.GetUtcNow(), ct);
            return true;
        }, cancellationToken);

    public async Task<JournalEntry?> CloseYearAsync(int year, CancellationToken cancellationToken = default) =>
        await InLockAsync(async (store, ct) =>
        {
            // Run before: the closing entry is in the books under its key (and the year's months are closed).
            var key = YearEndClosing.IdempotencyKey(year);
            if ((await store.ReadAsync([key], [], [], takeLock: true, ct)).ByKey.TryGetValue(key, out var done))
                return done;
            var balances = await store.BalancesThroughAsync(new LedgerPeriod(year, 12).ToString(), ct);
            var accounts = await store.AccountsAsync(ct);
            var draft = YearEndClosing.Build(year, accounts, balances);
            JournalEntry? posted = null;
            if (draft is not null)
                posted = Result((await AppendLockedAsync(store, [draft], takeLock: false, ct))[0]).Entry;
            await store.ClosePeriodsAsync([.. Enumerable.Range(1, 12).Select(m => new LedgerPeriod(year, m).ToString())],
                clock.GetUtcNow(), ct);
            return posted;
        }, cancellationToken);

    /// <summary>
    /// Reads what the append decision needs under the lock (taking it first unless the caller holds it), lets the
    /// domain decide on every draft in order (<see cref="LedgerAppend.DecideBatch"/>, built on the decision the in-memory
    /// books take), and writes the appended entries with the new head in one statement.
    /// </summary>
    private async Task<IReadOnlyList<AppendDecision>> AppendLockedAsync(LedgerStore store, IReadOnlyList<EntryDraft> drafts,
        bool takeLock, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var targets = new HashSet<long>();
        foreach (var draft in drafts)
        {
            keys.Add(draft.IdempotencyKey);
            foreach (var posting in draft.Postings)
                codes.Add(posting.AccountCode);
            if (draft.Reverses is { } sequence)
                targets.Add(sequence);
        }

        var state = await store.ReadAsync(keys, codes, targets, takeLock, cancellationToken);
        var decisions = LedgerAppend.DecideBatch(drafts, store.Tenant, state.Head, state.ByKey, state.Calendar,
            state.KnownAccounts, state.Targets, state.Reversed, clock.GetUtcNow());
        var appended = decisions.OfType<AppendDecision.Append>().Select(a => a.Entry).ToList();
        if (appended.Count > 0)
            await store.WriteAsync(appended, user?.Name(), cancellationToken);
        return decisions;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction of its own, or in the caller's when one is open on the context (then
    /// the caller's own changes and the entries commit together, and the lock is held until the caller commits).
    /// Pending changes of the context are saved with the entries. In an own transaction, a unique violation on the
    /// idempotency key (which the lock rules out among posters, but a writer outside this service could cause) rolls
    /// back and runs the work once more: under the lock it then finds the entry under the key.
    /// </summary>
    private async Task<T> InLockAsync<T>(Func<LedgerStore, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        var tenant = Tenant;
        var joined = db.Database.CurrentTransaction;
        if (joined is not null)
        {
            var result = await work(new LedgerStore((NpgsqlTransaction)joined.GetDbTransaction(), tenant), cancellationToken);
            if (db.ChangeTracker.HasChanges())
                await db.SaveChangesAsync(cancellationToken);
            return result;
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (db.ChangeTracker.HasChanges())
                {
                    // The caller's pending changes commit with the entries (EF's transaction sets the tenant for them).
                    await using var own = await db.Database.BeginTransactionAsync(cancellationToken);
                    var result = await work(new LedgerStore((NpgsqlTransaction)own.GetDbTransaction(), tenant),
                        cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    await own.CommitAsync(cancellationToken);
                    return result;
                }

                // Nothing else to save: a transaction on the context's connection, bypassing EF (the store sets the tenant).
                await db.Database.OpenConnectionAsync(cancellationToken);
                try
                {
                    var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                    var result = await work(new LedgerStore(transaction, tenant), cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return result;
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            }
            catch (PostgresException ex) when (attempt == 0 && ex.SqlState == PostgresErrorCodes.UniqueViolation
                                               && ex.ConstraintName == "ux_journal_entries_idempotency_key")
            {
                // Rolled back; the second attempt reads the key under the lock.
            }
        }
    }

    /// <summary>The decision as the port reports it; a refusal throws.</summary>
    private static PostingResult Result(AppendDecision decision) => decision switch
    {
        AppendDecision.Append a => new(a.Entry, AlreadyPosted: false),
        AppendDecision.AlreadyPosted a => new(a.Entry, AlreadyPosted: true),
        AppendDecision.DiffersFromRequest d => new(d.Entry, AlreadyPosted: true, DiffersFromRequest: true),
        AppendDecision.Rejected r => throw r.ToException(),
        _ => throw new InvalidOperationException(),
    };
}
