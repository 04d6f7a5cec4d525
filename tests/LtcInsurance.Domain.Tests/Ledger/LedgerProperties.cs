using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Reports;
using static LtcInsurance.Domain.Tests.Ledger.LedgerFixtures;

namespace LtcInsurance.Domain.Tests.Ledger;

/// <summary>One step of a random ledger session; the numbers pick accounts, amounts, dates and keys.</summary>
public sealed record LedgerOp(int Kind, int A, int B, int C);

public static class LedgerArbitraries
{
    public static Arbitrary<LedgerOp[]> Sessions() =>
        (from kind in Gen.Choose(0, 9)
         from a in Gen.Choose(0, 1000)
         from b in Gen.Choose(0, 1000)
         from c in Gen.Choose(1, 5_000_000)
         select new LedgerOp(kind, a, b, c)).ArrayOf().ToArbitrary();
}

/// <summary>
/// Randomized sessions of postings, retries, reversals and period closings, checking the ledger's invariants
/// after every step (the TigerBeetle way: state the invariants, then let random histories try to break them).
/// </summary>
public class LedgerProperties
{
    private static readonly string[] Codes = [.. StandardChart.For(Tenant).Select(a => a.Code)];

    /// <summary>Runs a session; <paramref name="afterEachStep"/> sees the books and a shadow sum of every posting.</summary>
    private static TenantBooks Run(LedgerOp[] ops, Action<TenantBooks, IReadOnlyDictionary<string, decimal>>? afterEachStep = null)
    {
        var books = NewBooks();
        var shadow = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var step = 0;
        foreach (var op in ops)
        {
            var at = Noon.AddSeconds(step++);
            var before = books.Entries.Count;
            var date = new DateOnly(2027, 1, 1).AddMonths(op.A % 24).AddDays(op.B % 28);
            try
            {
                switch (op.Kind)
                {
                    case <= 4:
                        books.Post(RandomDraft(op, date, period: null), at);
                        break;
                    case 5:
                        books.Post(RandomDraft(op, date, period: LedgerPeriod.Of(date).Next()), at);
                        break;
                    case 6 or 7 when books.Entries.Count > 0:
                        var target = op.C % books.Entries.Count + 1;
                        var wasReversed = books.IsReversed(target) || books.Entries[target - 1].Reverses is not null;
                        try
                        {
                            books.Reverse(target, date, $"rev-{op.B % 40}", at);
                            Assert.False(wasReversed && books.Entries.Count > before, "a reversed entry was reversed again");
                        }
                        catch (LedgerRuleException ex) when (ex.Rule is LedgerRules.AlreadyReversed or LedgerRules.ReversalOfReversal)
                        {
                            Assert.True(wasReversed);
                        }
                        break;
                    case 8:
                        books.ClosePeriod(LedgerPeriod.Of(date));
                        break;
                    case 9:
                        books.CloseYear(2027 + op.A % 2, at);
                        break;
                }
            }
            catch (LedgerRuleException ex) when (ex.Rule == LedgerRules.ClosedPeriod)
            {
                Assert.Equal(before, books.Entries.Count);
            }
            foreach (var entry in books.Entries.Skip(before))
                foreach (var p in entry.Postings)
                    shadow[p.AccountCode] = shadow.GetValueOrDefault(p.AccountCode) + p.SignedAmount;
            afterEachStep?.Invoke(books, shadow);
        }
        return books;
    }

    private static EntryDraft RandomDraft(LedgerOp op, DateOnly date, LedgerPeriod? period)
    {
        var debit = Codes[op.A % Codes.Length];
        var credit = Codes[op.B % Codes.Length];
        var amount = op.C / 100m;
        // Every third draft splits the credit side over two accounts.
        List<Posting> postings = op.C % 3 == 0 && amount >= 0.02m
            ? [Posting.Debit(debit, amount), Posting.Credit(credit, 0.01m), Posting.Credit(Codes[(op.A + op.B) % Codes.Length], amount - 0.01m)]
            : [Posting.Debit(debit, amount), Posting.Credit(credit, amount)];
        return new EntryDraft(date, "随机凭证", new SourceDocument((SourceDocumentType)(op.A % 4), $"DOC-{op.C}"),
            $"key-{op.B % 60}", postings, period);
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 200)]
    public void Trial_balance_always_sums_to_zero(LedgerOp[] ops) =>
        Run(ops, (books, _) =>
        {
            var tb = TrialBalance.Compute(books.Accounts, LedgerLine.From(books.Entries));
            Assert.Equal(0m, tb.Rows.Sum(r => r.Balance));
            Assert.True(tb.IsBalanced);
        });

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 200)]
    public void Balances_equal_the_sum_of_postings(LedgerOp[] ops) =>
        Run(ops, (books, shadow) =>
        {
            var balances = books.Balances();
            Assert.Equal(shadow.Where(kv => kv.Value != 0m).OrderBy(kv => kv.Key, StringComparer.Ordinal),
                balances.Where(kv => kv.Value != 0m).OrderBy(kv => kv.Key, StringComparer.Ordinal));
        });

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 200)]
    public void At_most_one_entry_per_key_and_one_reversal_per_entry(LedgerOp[] ops)
    {
        var books = Run(ops);
        Assert.Equal(books.Entries.Count, books.Entries.Select(e => e.IdempotencyKey).Distinct().Count());
        var targets = books.Entries.Where(e => e.Reverses is not null).Select(e => e.Reverses!.Value).ToList();
        Assert.Equal(targets.Count, targets.Distinct().Count());
        Assert.DoesNotContain(targets, t => books.Entries[(int)t - 1].Reverses is not null);
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 200)]
    public void Nothing_is_booked_in_a_period_after_it_was_closed(LedgerOp[] ops)
    {
        var closedBefore = new Dictionary<long, IReadOnlySet<LedgerPeriod>>();
        var seen = 0;
        Run(ops, (books, _) =>
        {
            foreach (var entry in books.Entries.Skip(seen))
                Assert.False(closedBefore.Count > 0 && closedBefore[closedBefore.Keys.Max()].Contains(entry.Period),
                    $"entry {entry.Sequence} booked in closed period {entry.Period}");
            seen = books.Entries.Count;
            closedBefore[seen] = new HashSet<LedgerPeriod>(books.Calendar.Closed);
        });
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 200)]
    public void An_untampered_chain_always_verifies(LedgerOp[] ops)
    {
        var books = Run(ops);
        var result = ChainVerifier.Verify(Tenant, books.Entries);
        Assert.True(result.IsIntact, result.FirstBreak?.Detail);
        Assert.Equal(books.Entries.Count, result.EntriesChecked);
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 300)]
    public Property Altering_any_single_field_fails_verification_at_that_entry(LedgerOp[] ops, PositiveInt which, PositiveInt field)
    {
        var books = Run(ops);
        return Prop.When(books.Entries.Count > 0, () =>
        {
            var index = which.Get % books.Entries.Count;
            var entries = books.Entries.ToList();
            entries[index] = Alter(entries[index], field.Get % 17);
            var result = ChainVerifier.Verify(Tenant, entries);
            Assert.False(result.IsIntact);
            Assert.Equal(index + 1, result.FirstBreak!.Sequence);
        });
    }

    private static JournalEntry Alter(JournalEntry e, int field)
    {
        var postings = e.Postings.ToList();
        var first = postings[0];
        return field switch
        {
            0 => Tamper.With(e, tenantId: "shishi"),
            1 => Tamper.With(e, sequence: e.Sequence + 1),
            2 => Tamper.With(e, businessDate: e.BusinessDate.AddDays(1)),
            3 => Tamper.With(e, period: e.Period.Next()),
            4 => Tamper.With(e, changeOriginalPeriod: true),
            5 => Tamper.With(e, description: e.Description + "。"),
            6 => Tamper.With(e, sourceType: (SourceDocumentType)(((int)e.SourceType + 1) % 5)),
            7 => Tamper.With(e, sourceReference: e.SourceReference + "x"),
            8 => Tamper.With(e, idempotencyKey: e.IdempotencyKey + "x"),
            9 => Tamper.With(e, changeReverses: true),
            10 => Tamper.With(e, postings: [Posting.FromStore(first.AccountCode, first.Side, first.Amount + 0.01m), .. postings.Skip(1)]),
            11 => Tamper.With(e, postings: [Posting.FromStore(first.AccountCode == Bank ? HomeCare : Bank, first.Side, first.Amount), .. postings.Skip(1)]),
            12 => Tamper.With(e, postings: [.. postings.Select(p => Posting.FromStore(p.AccountCode, p.Side.Opposite(), p.Amount))]),
            13 => Tamper.With(e, postings: [.. postings.Skip(1)]),
            14 => Tamper.With(e, recordedAt: e.RecordedAt.AddTicks(10)),
            15 => Tamper.With(e, previousHash: new string('f', 64)),
            _ => Tamper.With(e, hash: new string('e', 64)),
        };
    }
}
