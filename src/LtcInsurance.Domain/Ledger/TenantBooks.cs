namespace LtcInsurance.Domain.Ledger;

/// <summary>
/// One tenant's books held in memory: the reference model of the ledger's rules. The database-backed posting
/// service applies the same domain pieces (<see cref="EntryDraft"/>, <see cref="PeriodCalendar"/>,
/// <see cref="Reversal"/>, <see cref="JournalEntry.Create"/>) with the database enforcing uniqueness; the
/// randomized tests drive this model to show the invariants hold after every step.
/// </summary>
public sealed class TenantBooks
{
    private readonly Dictionary<string, Account> accounts;
    private readonly List<JournalEntry> entries = [];
    private readonly Dictionary<string, JournalEntry> byKey = new(StringComparer.Ordinal);
    private readonly HashSet<long> reversed = [];
    private readonly PeriodCalendar calendar = new([]);

    public TenantBooks(string tenantId, IEnumerable<Account> chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        TenantId = tenantId;
        accounts = chart.ToDictionary(a => a.Code, StringComparer.Ordinal);
        if (accounts.Values.Any(a => a.TenantId != tenantId))
            throw new ArgumentException("账户属于其他租户 / account of another tenant", nameof(chart));
    }

    public string TenantId { get; }
    public IReadOnlyList<JournalEntry> Entries => entries;
    public IReadOnlyCollection<Account> Accounts => accounts.Values;
    public PeriodCalendar Calendar => calendar;
    public string HeadHash => entries.Count == 0 ? EntryHash.Genesis : entries[^1].Hash;

    public bool IsReversed(long sequence) => reversed.Contains(sequence);

    /// <summary>
    /// Posts a draft. A key already used returns the entry first posted under it and changes nothing,
    /// so a retried settlement cannot post twice.
    /// </summary>
    public JournalEntry Post(EntryDraft draft, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (byKey.TryGetValue(draft.IdempotencyKey, out var existing))
            return existing;
        foreach (var posting in draft.Postings)
            if (!accounts.ContainsKey(posting.AccountCode))
                throw new LedgerRuleException(LedgerRules.UnknownAccount, $"账户 {posting.AccountCode} 不存在 / unknown account");
        if (draft.Reverses is { } target)
        {
            var original = Find(target);
            Reversal.Of(original, reversed.Contains(target), draft.BusinessDate, draft.IdempotencyKey);
            Reversal.CheckMirrors(original, draft);
        }
        var placement = calendar.Place(draft);
        var entry = JournalEntry.Create(TenantId, entries.Count + 1, draft, placement, HeadHash, recordedAt);
        entries.Add(entry);
        byKey.Add(entry.IdempotencyKey, entry);
        if (entry.Reverses is { } r)
            reversed.Add(r);
        return entry;
    }

    /// <summary>Reverses entry <paramref name="sequence"/> (at most once) by a mirrored entry.</summary>
    public JournalEntry Reverse(long sequence, DateOnly businessDate, string idempotencyKey, DateTimeOffset recordedAt)
    {
        if (byKey.TryGetValue(idempotencyKey, out var existing))
            return existing;
        var original = Find(sequence);
        return Post(Reversal.Of(original, reversed.Contains(sequence), businessDate, idempotencyKey), recordedAt);
    }

    public void ClosePeriod(LedgerPeriod period) => calendar.Close(period);

    /// <summary>Closes income and expense into 累计结余 (JN 四), then closes every month of the year.</summary>
    public JournalEntry? CloseYear(int year, DateTimeOffset recordedAt)
    {
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

    private JournalEntry Find(long sequence) =>
        sequence >= 1 && sequence <= entries.Count
            ? entries[(int)sequence - 1]
            : throw new LedgerRuleException(LedgerRules.UnknownEntry, $"凭证 {sequence} 不存在 / no entry {sequence}");
}
