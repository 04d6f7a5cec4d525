namespace LtcInsurance.Domain.Ledger;

/// <summary>
/// One tenant's books held in memory: the reference model of the ledger's rules. The database-backed posting
/// service takes the same append decision (<see cref="LedgerAppend"/>) over what it reads under its lock, with the
/// database enforcing uniqueness; the randomized tests drive this model to show the invariants hold after every step,
/// and a short randomized session runs the model and the service side by side.
/// </summary>
public sealed class TenantBooks
{
    private readonly Dictionary<string, Account> accounts;
    private readonly HashSet<string> codes;
    private readonly List<JournalEntry> entries = [];
    private readonly Dictionary<string, JournalEntry> byKey = new(StringComparer.Ordinal);
    private readonly HashSet<long> reversed = [];
    private readonly PeriodCalendar calendar = new([]);

    public TenantBooks(string tenantId, IEnumerable<Account> chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        TenantId = tenantId;
        accounts = chart.ToDictionary(a => a.Code, StringComparer.Ordinal);
        codes = [.. accounts.Keys];
        if (accounts.Values.Any(a => a.TenantId != tenantId))
            throw new ArgumentException("账户属于其他租户 / account of another tenant", nameof(chart));
    }

    public string TenantId { get; }
    public IReadOnlyList<JournalEntry> Entries => entries;
    public IReadOnlyCollection<Account> Accounts => accounts.Values;
    public PeriodCalendar Calendar => calendar;
    public string HeadHash => entries.Count == 0 ? EntryHash.Genesis : entries[^1].Hash;

    public bool IsReversed(long sequence) => reversed.Contains(sequence);

    /// <summary>The end of the chain: the last entry's sequence and hash.</summary>
    public ChainHead Head => entries.Count == 0 ? ChainHead.Empty : new(entries[^1].Sequence, entries[^1].Hash);

    /// <summary>
    /// Decides on a draft (<see cref="LedgerAppend.Decide"/>, the same decision the posting service takes) and applies
    /// it: an entry to append is appended; a refusal, a retry or a reused key change nothing.
    /// </summary>
    public AppendDecision Append(EntryDraft draft, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var target = draft.Reverses is { } t ? Target(t) : null;
        var decision = LedgerAppend.Decide(draft,
            new AppendState(TenantId, Head, byKey.GetValueOrDefault(draft.IdempotencyKey), calendar, codes, target),
            recordedAt);
        if (decision is AppendDecision.Append { Entry: var entry })
        {
            entries.Add(entry);
            byKey.Add(entry.IdempotencyKey, entry);
            if (entry.Reverses is { } r)
                reversed.Add(r);
        }
        return decision;
    }

    /// <summary>
    /// Posts a draft. A key already used returns the entry first posted under it and changes nothing,
    /// so a retried settlement cannot post twice. A refusal throws <see cref="LedgerRuleException"/>.
    /// </summary>
    public JournalEntry Post(EntryDraft draft, DateTimeOffset recordedAt) => Append(draft, recordedAt) switch
    {
        AppendDecision.Append a => a.Entry,
        AppendDecision.AlreadyPosted a => a.Entry,
        AppendDecision.DiffersFromRequest d => d.Entry,
        AppendDecision.Rejected r => throw r.ToException(),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Reverses entry <paramref name="sequence"/> (at most once) by a mirrored entry.</summary>
    public JournalEntry Reverse(long sequence, DateOnly businessDate, string idempotencyKey, DateTimeOffset recordedAt,
        string? description = null)
    {
        if (byKey.TryGetValue(idempotencyKey, out var existing))
            return existing;
        return Post(LedgerAppend.ReversalOf(Target(sequence), sequence, businessDate, idempotencyKey, description), recordedAt);
    }

    public void ClosePeriod(LedgerPeriod period) => calendar.Close(period);

    /// <summary>Closes income and expense into 累计结余 (JN 四), then closes every month of the year.</summary>
    public JournalEntry? CloseYear(int year, DateTimeOffset recordedAt)
    {
        if (byKey.TryGetValue(YearEndClosing.IdempotencyKey(year), out var done))
            return done;
        var draft = YearEndClosing.Build(year, accounts.Values, Balances(new LedgerPeriod(year, 12)));
        var entry = draft is null ? null : Post(draft, recordedAt);
        for (var month = 1; month <= 12; month++)
            calendar.Close(new LedgerPeriod(year, month));
        return entry;
    }

    /// <summary>Debit-positive balance of every account with postings, through a period (all when null).</summary>
    public IReadOnlyDictionary<string, decimal> Balances(LedgerPeriod? through = null)
    {
        var balances = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => through is null || e.Period <= through))
            foreach (var posting in entry.Postings)
                balances[posting.AccountCode] = balances.GetValueOrDefault(posting.AccountCode) + posting.SignedAmount;
        return balances;
    }

    private ReversalTarget? Target(long sequence) =>
        sequence >= 1 && sequence <= entries.Count ? new(entries[(int)sequence - 1], reversed.Contains(sequence)) : null;
}
