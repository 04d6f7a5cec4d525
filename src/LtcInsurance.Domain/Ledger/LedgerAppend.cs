namespace LtcInsurance.Domain.Ledger;

/// <summary>The end of a tenant's chain: the last sequence and its hash (0 and <see cref="EntryHash.Genesis"/> when empty).</summary>
public readonly record struct ChainHead(long LastSequence, string LastHash)
{
    public static ChainHead Empty => new(0, EntryHash.Genesis);
}

/// <summary>The entry a reversal draft points at, as the books hold it, and whether something already reverses it.</summary>
public sealed record ReversalTarget(JournalEntry Original, bool AlreadyReversed);

/// <summary>
/// What the books hold that an append depends on, read by the caller (in memory, or from the database under the
/// tenant's ledger lock).
/// </summary>
/// <param name="TenantId">The tenant whose chain is appended to.</param>
/// <param name="Head">The chain's end.</param>
/// <param name="ExistingUnderKey">The entry already posted under the draft's idempotency key, if any.</param>
/// <param name="Calendar">The tenant's closed periods.</param>
/// <param name="KnownAccounts">Codes of the tenant's chart; at least every code the draft names that exists.</param>
/// <param name="Reversal">For a draft that reverses an entry: that entry, if it exists.</param>
public sealed record AppendState(
    string TenantId,
    ChainHead Head,
    JournalEntry? ExistingUnderKey,
    PeriodCalendar Calendar,
    IReadOnlySet<string> KnownAccounts,
    ReversalTarget? Reversal);

/// <summary>The one answer to "may this draft be appended, and as what?".</summary>
public abstract record AppendDecision
{
    private AppendDecision()
    {
    }

    /// <summary>A ledger rule refuses the draft; nothing is written.</summary>
    public sealed record Rejected(string Rule, string Message) : AppendDecision
    {
        public LedgerRuleException ToException() => new(Rule, Message);
    }

    /// <summary>The key was used before for this same request (a retry): the entry posted then, nothing written.</summary>
    public sealed record AlreadyPosted(JournalEntry Entry) : AppendDecision;

    /// <summary>
    /// The key was used before for a different request: the caller reused a key for another business event (a bug worth
    /// logging). The entry posted then is returned and nothing is written.
    /// </summary>
    public sealed record DiffersFromRequest(JournalEntry Entry) : AppendDecision;

    /// <summary>Append this entry: sealed with its sequence, period (and original period of a late item) and hash.</summary>
    public sealed record Append(JournalEntry Entry) : AppendDecision;
}

/// <summary>
/// The ledger's append decision, shared by the in-memory books (<see cref="TenantBooks"/>, which the property tests
/// drive) and the database-backed posting service, so that both apply the same rules in the same order: the key first
/// (idempotency), then the accounts, the reversal link, the period, and finally the seal on the chain.
/// </summary>
public static class LedgerAppend
{
    /// <summary>Decides what appending <paramref name="draft"/> to the books described by <paramref name="state"/> does.</summary>
    public static AppendDecision Decide(EntryDraft draft, AppendState state, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(state);
        if (state.ExistingUnderKey is { } existing)
            return Existing(draft, existing);
        try
        {
            foreach (var posting in draft.Postings)
                if (!state.KnownAccounts.Contains(posting.AccountCode))
                    return new AppendDecision.Rejected(LedgerRules.UnknownAccount,
                        $"账户 {posting.AccountCode} 不存在 / unknown account {posting.AccountCode}");
            if (draft.Reverses is { } target)
            {
                if (state.Reversal is not { } reversal || reversal.Original.Sequence != target)
                    return UnknownEntry(target);
                Reversal.Of(reversal.Original, reversal.AlreadyReversed, draft.BusinessDate, draft.IdempotencyKey);
                Reversal.CheckMirrors(reversal.Original, draft);
            }
            var placement = state.Calendar.Place(draft);
            return new AppendDecision.Append(JournalEntry.Create(state.TenantId, state.Head.LastSequence + 1, draft, placement,
                state.Head.LastHash, recordedAt));
        }
        catch (LedgerRuleException refused)
        {
            return new AppendDecision.Rejected(refused.Rule, refused.Message);
        }
    }

    /// <summary>
    /// Decides on <paramref name="drafts"/> in order, as if each were appended alone right after the previous ones
    /// (<see cref="Decide"/> for each, the state carried forward): an appended draft moves the head, takes its key and
    /// may be reversed by a later draft of the batch. A refused draft is skipped and the rest go on, as N single posts
    /// whose callers catch the refusal would. The state is what the books held before the batch.
    /// </summary>
    /// <param name="drafts">The drafts, in the order they are to be appended.</param>
    /// <param name="tenantId">The tenant whose chain is appended to.</param>
    /// <param name="head">The chain's end before the batch.</param>
    /// <param name="existingByKey">Entries already posted under any of the drafts' keys.</param>
    /// <param name="calendar">The tenant's closed periods.</param>
    /// <param name="knownAccounts">Codes of the tenant's chart (at least those the drafts name that exist).</param>
    /// <param name="reversalTargets">Entries the drafts reverse, by sequence, as far as they exist.</param>
    /// <param name="alreadyReversed">Sequences among those that some entry already reverses.</param>
    /// <param name="recordedAt">When the ledger records the batch.</param>
    public static IReadOnlyList<AppendDecision> DecideBatch(IReadOnlyList<EntryDraft> drafts, string tenantId, ChainHead head,
        IReadOnlyDictionary<string, JournalEntry> existingByKey, PeriodCalendar calendar, IReadOnlySet<string> knownAccounts,
        IReadOnlyDictionary<long, JournalEntry> reversalTargets, IReadOnlySet<long> alreadyReversed, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(existingByKey);
        ArgumentNullException.ThrowIfNull(reversalTargets);
        ArgumentNullException.ThrowIfNull(alreadyReversed);
        var byKey = new Dictionary<string, JournalEntry>(existingByKey, StringComparer.Ordinal);
        var targets = new Dictionary<long, JournalEntry>(reversalTargets);
        var reversed = new HashSet<long>(alreadyReversed);
        var decisions = new AppendDecision[drafts.Count];
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var target = draft.Reverses is { } sequence && targets.TryGetValue(sequence, out var original)
                ? new ReversalTarget(original, reversed.Contains(sequence))
                : null;
            var decision = Decide(draft, new AppendState(tenantId, head, byKey.GetValueOrDefault(draft.IdempotencyKey),
                calendar, knownAccounts, target), recordedAt);
            if (decision is AppendDecision.Append { Entry: var entry })
            {
                head = new ChainHead(entry.Sequence, entry.Hash);
                byKey[entry.IdempotencyKey] = entry;
                targets[entry.Sequence] = entry;
                if (entry.Reverses is { } r)
                    reversed.Add(r);
            }
            decisions[i] = decision;
        }
        return decisions;
    }

    /// <summary>
    /// The key of <paramref name="draft"/> is taken by <paramref name="existing"/>: a retry of the same request, or a
    /// different request under a used key. Either way nothing is written.
    /// </summary>
    public static AppendDecision Existing(EntryDraft draft, JournalEntry existing)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(existing);
        return draft.IsRecordedBy(existing)
            ? new AppendDecision.AlreadyPosted(existing)
            : new AppendDecision.DiffersFromRequest(existing);
    }

    /// <summary>The draft that reverses <paramref name="target"/> (at most once; never a reversal), or the refusal.</summary>
    public static EntryDraft ReversalOf(ReversalTarget? target, long sequence, DateOnly businessDate, string idempotencyKey,
        string? description = null)
    {
        if (target is null || target.Original.Sequence != sequence)
            throw UnknownEntry(sequence).ToException();
        return Reversal.Of(target.Original, target.AlreadyReversed, businessDate, idempotencyKey, description);
    }

    private static AppendDecision.Rejected UnknownEntry(long sequence) =>
        new(LedgerRules.UnknownEntry, $"凭证 {sequence} 不存在 / no entry {sequence}");
}
