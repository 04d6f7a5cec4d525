using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>
/// Appends to the current tenant's books. Writers of one tenant serialize on a transaction-scoped advisory lock
/// (one lock, always the same, so two posters can wait for each other but never deadlock); inside it the chain
/// head and what else the append depends on are read, the domain decides (<see cref="LedgerAppend"/>, as the in-memory
/// books do), and the entry is inserted with its postings and the new head, all in one transaction. Tenants do not
/// wait for each other. Each new entry records who posted it (<c>recorded_by</c>, outside the hash) when the service
/// runs in a use case's scope.
/// </summary>
public sealed class LedgerPostingService(LtcDbContext db, TimeProvider clock, ICurrentUser? user = null) : ILedgerPostingService
{
    // The ledger's own rows are detached once written (or refused), so that the caller's context neither keeps
    // them nor tries to insert them again; the caller's tracked entities are left alone.
    private readonly List<object> written = [];

    private string Tenant => db.CurrentTenantId
        ?? throw new InvalidOperationException("没有当前租户，不能记账 / no current tenant: cannot post");

    public async Task<PostingResult> PostAsync(EntryDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        // Fast path for retries: no lock needed to see that the event is already in the books.
        if (await FindByKeyAsync(draft.IdempotencyKey, cancellationToken) is { } existing)
            return Result(LedgerAppend.Existing(draft, existing));
        return await InLockAsync(() => AppendLockedAsync(draft, cancellationToken), draft.IdempotencyKey,
            r => Result(LedgerAppend.Existing(draft, r.Entry)), cancellationToken);
    }

    public async Task<PostingResult> ReverseAsync(long sequence, DateOnly businessDate, string idempotencyKey,
        string? description = null, CancellationToken cancellationToken = default)
    {
        if (await FindByKeyAsync(idempotencyKey, cancellationToken) is { } existing)
            return new PostingResult(existing, AlreadyPosted: true);
        return await InLockAsync(async () =>
        {
            var target = await TargetAsync(sequence, cancellationToken);
            return await AppendLockedAsync(LedgerAppend.ReversalOf(target, sequence, businessDate, idempotencyKey, description),
                cancellationToken);
        }, idempotencyKey, r => r, cancellationToken);
    }

    public async Task ClosePeriodAsync(LedgerPeriod period, CancellationToken cancellationToken = default) =>
        await InLockAsync(async () =>
        {
            await CloseLockedAsync([period], cancellationToken);
            return true;
        }, idempotencyKey: null, _ => true, cancellationToken);

    public async Task<JournalEntry?> CloseYearAsync(int year, CancellationToken cancellationToken = default)
    {
        if (await FindByKeyAsync(YearEndClosing.IdempotencyKey(year), cancellationToken) is { } done)
            return done;
        return await InLockAsync(async () =>
        {
            var december = new LedgerPeriod(year, 12).ToString();
            var balances = await (
                    from p in db.Set<JournalPostingRecord>()
                    join e in db.Set<JournalEntryRecord>() on new { p.TenantId, p.Sequence } equals new { e.TenantId, e.Sequence }
                    where string.Compare(e.Period, december) <= 0
                    group p by p.AccountCode into g
                    select new
                    {
                        Code = g.Key,
                        Balance = g.Sum(x => x.Side == "D" ? x.Amount : -x.Amount),
                    })
                .ToDictionaryAsync(x => x.Code, x => x.Balance, StringComparer.Ordinal, cancellationToken);
            var accounts = (await db.Set<LedgerAccountRecord>().AsNoTracking().ToListAsync(cancellationToken))
                .Select(a => a.ToDomain());
            var draft = YearEndClosing.Build(year, accounts, balances);
            var posted = draft is null ? null : await AppendLockedAsync(draft, cancellationToken);
            await CloseLockedAsync([.. Enumerable.Range(1, 12).Select(m => new LedgerPeriod(year, m))], cancellationToken);
            return posted?.Entry;
        }, YearEndClosing.IdempotencyKey(year), r => (JournalEntry?)r.Entry, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> holding the tenant's ledger lock, in a transaction of its own, or in the
    /// caller's when one is open on the context (then the caller's own changes and the entry commit together,
    /// and the lock is held until the caller commits). Pending changes of the context are saved with the entry.
    /// In an own transaction, a unique violation on the idempotency key (which the lock makes unlikely, but a
    /// writer outside this service could cause) turns into "already posted".
    /// </summary>
    private async Task<T> InLockAsync<T>(Func<Task<T>> work, string? idempotencyKey, Func<PostingResult, T> onDuplicate,
        CancellationToken cancellationToken)
    {
        var tenant = Tenant;
        var ownTransaction = db.Database.CurrentTransaction is null;
        try
        {
            await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await db.Database.ExecuteSqlAsync(
                $"SELECT pg_advisory_xact_lock(hashtextextended({"ltc.ledger:" + tenant}, 0))", cancellationToken);
            var result = await work();
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
                await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateException ex) when (ownTransaction && idempotencyKey is not null
                                           && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
                                           && pg.ConstraintName == "ux_journal_entries_idempotency_key")
        {
            Forget();
            var existing = await FindByKeyAsync(idempotencyKey, cancellationToken);
            if (existing is null)
                throw;
            return onDuplicate(new PostingResult(existing, AlreadyPosted: true));
        }
        finally
        {
            Forget();
        }
    }

    private T Track<T>(T record) where T : class
    {
        written.Add(record);
        return record;
    }

    private void Forget()
    {
        foreach (var record in written)
            db.Entry(record).State = EntityState.Detached;
        written.Clear();
    }

    /// <summary>
    /// Reads what the append decision needs (<see cref="LedgerAppend.Decide"/>, the decision the in-memory books take
    /// too) under the lock, and writes the entry, its postings and the new head when the decision is to append.
    /// </summary>
    private async Task<PostingResult> AppendLockedAsync(EntryDraft draft, CancellationToken cancellationToken)
    {
        // Re-read under the lock: a concurrent poster with the same key may have committed while we waited.
        var existing = await FindByKeyAsync(draft.IdempotencyKey, cancellationToken);
        var codes = draft.Postings.Select(p => p.AccountCode).Distinct().ToList();
        var known = await db.Set<LedgerAccountRecord>().Where(a => codes.Contains(a.Code)).Select(a => a.Code)
            .ToListAsync(cancellationToken);
        var target = draft.Reverses is { } sequence ? await TargetAsync(sequence, cancellationToken) : null;
        var closed = await db.Set<LedgerPeriodRecord>().Select(p => p.Period).ToListAsync(cancellationToken);
        var head = await db.Set<LedgerChainHeadRecord>().SingleOrDefaultAsync(cancellationToken);
        if (head is not null)
            Track(head);

        var decision = LedgerAppend.Decide(draft, new AppendState(Tenant,
                head is null ? ChainHead.Empty : new ChainHead(head.LastSequence, head.LastHash), existing,
                new PeriodCalendar(closed.Select(LedgerPeriod.Parse)), known.ToHashSet(StringComparer.Ordinal), target),
            clock.GetUtcNow());
        if (decision is not AppendDecision.Append { Entry: var entry })
            return Result(decision);

        var record = Track(entry.ToRecord());
        record.RecordedBy = user?.Name();
        db.Add(record);
        foreach (var posting in record.Postings)
            Track(posting);
        if (head is null)
            db.Add(Track(new LedgerChainHeadRecord { TenantId = Tenant, LastSequence = entry.Sequence, LastHash = entry.Hash }));
        else
        {
            head.LastSequence = entry.Sequence;
            head.LastHash = entry.Hash;
        }
        // Saved now (not only at the end) so that a closing in the same transaction sees this entry.
        await db.SaveChangesAsync(cancellationToken);
        return new PostingResult(entry, AlreadyPosted: false);
    }

    private async Task CloseLockedAsync(IReadOnlyList<LedgerPeriod> periods, CancellationToken cancellationToken)
    {
        var texts = periods.Select(p => p.ToString()).ToList();
        var already = await db.Set<LedgerPeriodRecord>().Where(p => texts.Contains(p.Period)).Select(p => p.Period)
            .ToListAsync(cancellationToken);
        foreach (var text in texts.Except(already, StringComparer.Ordinal))
            db.Add(Track(new LedgerPeriodRecord { TenantId = Tenant, Period = text, ClosedAt = clock.GetUtcNow() }));
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

    private async Task<ReversalTarget?> TargetAsync(long sequence, CancellationToken cancellationToken) =>
        await LoadAsync(sequence, cancellationToken) is { } original
            ? new ReversalTarget(original,
                await db.Set<JournalEntryRecord>().AnyAsync(e => e.Reverses == sequence, cancellationToken))
            : null;

    private async Task<JournalEntry?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        (await db.Set<JournalEntryRecord>().AsNoTracking().Include(e => e.Postings)
            .SingleOrDefaultAsync(e => e.IdempotencyKey == key, cancellationToken))?.ToDomain();

    private async Task<JournalEntry?> LoadAsync(long sequence, CancellationToken cancellationToken) =>
        (await db.Set<JournalEntryRecord>().AsNoTracking().Include(e => e.Postings)
            .SingleOrDefaultAsync(e => e.Sequence == sequence, cancellationToken))?.ToDomain();
}
