using System.Globalization;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Application.Ledger.GetTrialBalance;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Infrastructure.Ledger;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace LtcInsurance.Integration.Tests.Ledger;

/// <summary>
/// A short randomized session (seeded, about fifty operations, a few seconds) driven against the database-backed posting
/// service and the in-memory books (<see cref="TenantBooks"/>, the model the property tests drive) side by side. Both take
/// the same append decision (<see cref="LedgerAppend"/>); this shows that what the service reads under its lock and
/// writes afterwards keeps them in step: every step's outcome, then the entries, the balances, the closed periods and
/// the verified chain agree.
/// </summary>
[Collection(LedgerDatabaseCollection.Name)]
public class LedgerModelAgreementTests(LedgerDatabase database, ITestOutputHelper output)
{
    private const int Steps = 50;

    /// <summary>The service's clock, set to the model's time before every step, so that both seal the same hashes.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2027, 1, 1, 1, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Theory]
    [InlineData(20270101)]
    [InlineData(8)]
    public async Task A_random_session_gives_the_same_outcomes_and_books_in_the_database_as_in_memory(int seed)
    {
        var tenant = await database.NewTenantAsync();
        var model = new TenantBooks(tenant, StandardChart.For(tenant));
        var codes = StandardChart.For(tenant).Select(a => a.Code).ToArray();
        var random = new Random(seed);
        var clock = new SteppingClock();
        var sent = new Dictionary<string, EntryDraft>(StringComparer.Ordinal);
        var log = new List<string>();

        for (var step = 1; step <= Steps; step++)
        {
            clock.Now = clock.Now.AddSeconds(1).AddTicks(random.Next(0, 10_000_000));
            var date = new DateOnly(2027, 1, 1).AddMonths(random.Next(0, 24)).AddDays(random.Next(0, 28));
            await using var db = database.App(tenant);
            var service = new LedgerPostingService(db, clock);
            var (operation, expected, actual) = random.Next(0, 20) switch
            {
                < 9 => await PostAsync(RandomDraft(random, codes, date, period: null, sent)),
                < 11 => await PostAsync(RandomDraft(random, codes, date, period: LedgerPeriod.Of(date).Next(), sent)),
                11 => await PostAsync(new EntryDraft(date, "未知科目", new SourceDocument(SourceDocumentType.Fee, "F-x"),
                    $"unknown-{random.Next(0, 3)}", [Posting.Debit("9999", 1m), Posting.Credit(StandardChart.FundSpecialAccount, 1m)])),
                < 14 => await ReverseAsync(random.Next(1, model.Entries.Count + 2), date, $"rev-{random.Next(0, 8)}"),
                14 when model.Entries.Count > 0 => await PostAsync(MirrorDraft(random, model, date)),
                < 17 => await CloseAsync(LedgerPeriod.Of(date)),
                < 19 => await PostAsync(RandomDraft(random, codes, date, period: null, sent)),
                _ => await CloseYearAsync(2027 + random.Next(0, 2)),
            };
            log.Add($"{step}: {operation} → {actual}");
            Assert.True(expected == actual, $"step {step} ({operation}): model {expected}, database {actual}\n" + string.Join('\n', log));

            async Task<(string, string, string)> PostAsync(EntryDraft draft)
            {
                var modelOutcome = Describe(model.Append(draft, clock.Now));
                string databaseOutcome;
                try
                {
                    var result = await service.PostAsync(draft);
                    databaseOutcome = Describe(result);
                }
                catch (LedgerRuleException refused)
                {
                    databaseOutcome = "rejected " + refused.Rule;
                }
                return ($"post {draft.IdempotencyKey} {date:yyyy-MM-dd}", modelOutcome, databaseOutcome);
            }

            async Task<(string, string, string)> ReverseAsync(long sequence, DateOnly businessDate, string key)
            {
                var before = model.Entries.Count;
                var modelOutcome = Outcome(() => Describe(model.Reverse(sequence, businessDate, key, clock.Now), model.Entries.Count > before));
                string databaseOutcome;
                try
                {
                    databaseOutcome = Describe(await service.ReverseAsync(sequence, businessDate, key));
                }
                catch (LedgerRuleException refused)
                {
                    databaseOutcome = "rejected " + refused.Rule;
                }
                return ($"reverse #{sequence} as {key}", modelOutcome, databaseOutcome);
            }

            async Task<(string, string, string)> CloseAsync(LedgerPeriod period)
            {
                model.ClosePeriod(period);
                await service.ClosePeriodAsync(period);
                return ($"close {period}", "closed", "closed");
            }

            async Task<(string, string, string)> CloseYearAsync(int year)
            {
                var modelOutcome = Outcome(() => Describe(model.CloseYear(year, clock.Now)));
                string databaseOutcome;
                try
                {
                    databaseOutcome = Describe(await service.CloseYearAsync(year));
                }
                catch (LedgerRuleException refused)
                {
                    databaseOutcome = "rejected " + refused.Rule;
                }
                return ($"close year {year}", modelOutcome, databaseOutcome);
            }
        }

        output.WriteLine(string.Join('\n', log));
        await AssertSameBooksAsync(tenant, model);
    }

    private async Task AssertSameBooksAsync(string tenant, TenantBooks model)
    {
        await using var db = database.App(tenant);
        var stored = (await db.Set<JournalEntryRecord>().AsNoTracking().Include(e => e.Postings).OrderBy(e => e.Sequence).ToListAsync())
            .Select(e => e.ToDomain()).ToList();
        Assert.Equal(model.Entries.Select(Fingerprint), stored.Select(Fingerprint));
        Assert.True(model.Entries.Count > 5, "the session posted almost nothing: choose another seed");

        var closed = await db.Set<LedgerPeriodRecord>().AsNoTracking().Select(p => p.Period).ToListAsync();
        Assert.Equal(model.Calendar.Closed.Select(p => p.ToString()).Order(StringComparer.Ordinal), closed.Order(StringComparer.Ordinal));

        await using var auditor = database.UseCases(tenant);
        var trialBalance = await auditor.Send(new GetTrialBalanceQuery());
        Assert.Equal(model.Balances().Where(b => b.Value != 0m).OrderBy(b => b.Key, StringComparer.Ordinal),
            trialBalance.Rows.Where(r => r.Balance != 0m).Select(r => KeyValuePair.Create(r.Code, r.Balance))
                .OrderBy(b => b.Key, StringComparer.Ordinal));
        Assert.True(trialBalance.IsBalanced);

        var verified = await database.VerifyAsync(tenant);
        Assert.True(verified.IsIntact, verified.FirstBreak?.Detail);
        Assert.Equal(ChainVerifier.Verify(tenant, model.Entries), verified);
    }

    /// <summary>Everything an entry's hash covers, and the hash.</summary>
    private static string Fingerprint(JournalEntry e) => string.Join('|',
        e.Sequence, e.BusinessDate.ToString("O", CultureInfo.InvariantCulture), e.Period, e.OriginalPeriod, e.Description,
        e.SourceType, e.SourceReference, e.IdempotencyKey, e.Reverses,
        string.Join(',', e.Postings.Select(p => $"{p.AccountCode}:{p.Side}:{p.Amount:0.00}")),
        e.RecordedAt.ToString("O", CultureInfo.InvariantCulture), e.PreviousHash, e.Hash);

    /// <summary>A draft under one of a few keys: often a new request, sometimes the very request sent before (a retry).</summary>
    private static EntryDraft RandomDraft(Random random, string[] codes, DateOnly date, LedgerPeriod? period,
        Dictionary<string, EntryDraft> sent)
    {
        var key = $"key-{random.Next(0, 15)}";
        if (sent.TryGetValue(key, out var before) && random.Next(0, 2) == 0)
            return before;
        var amount = random.Next(1, 500_000) / 100m;
        var debit = codes[random.Next(codes.Length)];
        var credit = codes[random.Next(codes.Length)];
        List<Posting> postings = amount >= 0.02m && random.Next(0, 3) == 0
            ? [Posting.Debit(debit, amount), Posting.Credit(credit, 0.01m), Posting.Credit(codes[random.Next(codes.Length)], amount - 0.01m)]
            : [Posting.Debit(debit, amount), Posting.Credit(credit, amount)];
        var draft = new EntryDraft(date, "随机凭证", new SourceDocument((SourceDocumentType)random.Next(0, 4), $"DOC-{random.Next(0, 1000)}"),
            key, postings, period);
        sent[key] = draft;
        return draft;
    }

    /// <summary>A reversal posted as a draft: the mirror of an entry, or (now and then) not quite its mirror.</summary>
    private static EntryDraft MirrorDraft(Random random, TenantBooks model, DateOnly date)
    {
        var original = model.Entries[random.Next(model.Entries.Count)];
        var key = $"mirror-{random.Next(0, 6)}";
        if (original.Reverses is not null || model.IsReversed(original.Sequence) || random.Next(0, 4) == 0)
        {
            // Not a valid reversal: the decision must refuse it (or find the key taken) in both books alike.
            var first = original.Postings[0];
            return new EntryDraft(date, "错误冲销", new SourceDocument(original.SourceType, original.SourceReference), key,
                [new Posting(first.AccountCode, first.Side.Opposite(), first.Amount + 0.01m),
                    new Posting(first.AccountCode, first.Side, first.Amount + 0.01m)],
                reverses: original.Sequence);
        }
        return Reversal.Of(original, alreadyReversed: false, date, key);
    }

    private static string Outcome(Func<string> act)
    {
        try
        {
            return act();
        }
        catch (LedgerRuleException refused)
        {
            return "rejected " + refused.Rule;
        }
    }

    private static string Describe(AppendDecision decision) => decision switch
    {
        AppendDecision.Append a => "append " + Entry(a.Entry),
        AppendDecision.AlreadyPosted a => "already " + Entry(a.Entry),
        AppendDecision.DiffersFromRequest d => "differs " + Entry(d.Entry),
        AppendDecision.Rejected r => "rejected " + r.Rule,
        _ => decision.ToString(),
    };

    private static string Describe(PostingResult result) =>
        (result.DiffersFromRequest ? "differs " : result.AlreadyPosted ? "already " : "append ") + Entry(result.Entry);

    private static string Describe(JournalEntry entry, bool appended) => (appended ? "append " : "already ") + Entry(entry);

    private static string Describe(JournalEntry? entry) => entry is null ? "nothing to close" : "closing " + Entry(entry);

    private static string Entry(JournalEntry e) =>
        $"#{e.Sequence} {e.Period}{(e.OriginalPeriod is { } o ? $" (late from {o})" : "")} {e.Hash[..12]}";
}
