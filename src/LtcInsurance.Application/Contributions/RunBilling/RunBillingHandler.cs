using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.ContributionBases;
using LtcInsurance.Application.Contributions.GetBillingTotals;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Rules;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Contributions.RunBilling;

/// <summary>
/// The billing run, set-based. First every enrolled person is read once (streamed, untracked) and reduced to a small
/// pending bill; the engine is asked once per distinct case (the same inputs give the same answer, so people who look
/// alike to the rule share one evaluation and one trace), with the parameters resolved once for the tenant and moment.
/// A missing tenant parameter (or a period in the wrong unit) refuses the run before anything is written. Then the new
/// bills are written in batches of <see cref="BatchSize"/> people, each batch one transaction: one batch append of the
/// ledger's posting service (which joins the transaction: one lock, one head read, one insert) books one entry per
/// region of the batch, whose postings are the batch's sums per payer (the fund's books hold receivables per payer,
/// region and period, not per person), and one statement inserts the bills, each carrying its entry's sequence (the
/// way from an entry to its bills), with their lines. Nothing is tracked by EF. The tenant's ledger lock is held for
/// one batch at a time, never for the whole run: a payment recorded while a run goes on waits at most for one batch.
/// A run stopped between batches (cancelled, or the process killed) leaves complete batches; running it again bills
/// the rest, because an existing bill of the same person and period is kept (the unique index stops a concurrent
/// duplicate) and a batch's entry key names its first person, so nothing is booked twice. Bills of the period still
/// unposted (a run interrupted under the old single-transaction scheme) are posted in batches last, one entry each.
/// Progress is reported to the background job running the request, if any (<see cref="JobProgress"/>).
/// A run that wrote bills or entries leaves a <see cref="BillingRun"/> (who, when, the counts) once its batches are done.
/// </summary>
internal sealed class RunBillingHandler(
    ILtcDbContext db, IPolicyEngine engine, ILedgerPostingService ledger, IBillWriter writer, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RunBillingCommand, BillingRunResult>
{
    private const int BatchSize = RunBillingCommand.BatchSize;

    public async Task<BillingRunResult> Handle(RunBillingCommand request, CancellationToken cancellationToken)
    {
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");
        ContributionPeriod parsed;
        try
        {
            parsed = BillingCycle.For(tenant).Period(request.Period.Trim());
        }
        catch (PolicyException ex)
        {
            throw new BillingRefusedException(ex.Code, ex.Message);
        }

        var label = parsed.ToString();
        var plan = await PlanAsync(tenant, parsed, cancellationToken);
        var account = await ContributionAccounts.LoadAsync(db, cancellationToken);

        var posted = 0;
        var written = 0;
        var total = plan.Bills.Count;
        JobProgress.Report(0, total);
        foreach (var batch in plan.Bills.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                posted += await db.InTransactionAsync(ct => WriteBatchAsync(tenant, label, plan, batch, account, ct), cancellationToken);
            }
            catch (Exception ex) when (IsUniqueViolation(ex))
            {
                // Another run of the same period committed this batch's people first; this batch wrote nothing, earlier
                // batches stay. Running again is safe and bills whoever is left.
                throw new BillingRefusedException("concurrent_run",
                    $"{label} 缴费核定正在另一处执行，本批未写入（已完成的 {written} 张缴费单保留），请稍后重试");
            }

            written += batch.Length;
            JobProgress.Report(written, total);
            // A city's first run writes into empty tables: the foreign-key checks of the next batches would keep the plans
            // made on "no rows" (a scan of the run's own growing bills, every batch slower than the last, until autovacuum
            // comes by). Statistics taken once after the first batch let them probe the keys.
            if (written == batch.Length && total > batch.Length)
                await writer.RefreshStatisticsAsync(cancellationToken);
        }

        // The run's own writes are most of what the tables now hold: plan what reads them back on fresh statistics.
        if (written > 0)
            await writer.RefreshStatisticsAsync(cancellationToken);
        posted += await PostLeftoversAsync(label, account, cancellationToken);
        var result = new BillingRunResult(label, total, plan.Existing, posted, plan.Skipped,
            await BillingTotalsReader.ReadAsync(db, label, cancellationToken)) { Reasons = plan.Reasons };
        // A run that wrote something is recorded; so is one that billed nobody or skipped people, with its reasons.
        if (total > 0 || posted > 0 || result.Warning)
        {
            db.Set<BillingRun>().Add(BillingRun.Record(tenant, label, user.Name(), clock.GetUtcNow(), total,
                plan.Existing, posted, plan.Skipped.Count, plan.Reasons));
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    private static bool IsUniqueViolation(Exception ex) =>
        ex is DbUpdateException update ? ContributionAccounts.IsUniqueViolation(update)
            : ex is System.Data.Common.DbException { SqlState: "23505" } || (ex.InnerException is { } inner && IsUniqueViolation(inner));

    /// <summary>
    /// One batch, in its transaction: an entry per region (sums per payer) through the ledger's batch append, then the
    /// bills with their lines in one statement, each bill carrying its region's entry. The number of entries written.
    /// A refusal of the ledger (closed period, unknown account) throws, so the batch rolls back.
    /// </summary>
    private async Task<int> WriteBatchAsync(string tenant, string label, BillingPlan plan, PendingBill[] batch,
        Func<string, string, string> account, CancellationToken cancellationToken)
    {
        var regions = batch.GroupBy(b => b.RegionCode, StringComparer.Ordinal).ToList();
        var drafts = new List<(string Region, EntryDraft Draft)>(regions.Count);
        foreach (var region in regions)
        {
            var draft = ContributionPosting.ForBills(tenant, label, region.Key, region.First().PersonId, region.Count(),
                region.SelectMany(b => plan.Outcomes[b.Outcome].Result!.Lines.Select(l => (l.Payer, l.Amount))),
                code => account(code, region.Key));
            if (draft is not null)
                drafts.Add((region.Key, draft));
        }

        var sequences = new Dictionary<string, long>(StringComparer.Ordinal);
        var posted = 0;
        if (drafts.Count > 0)
        {
            var results = await ledger.PostBatchAsync([.. drafts.Select(d => d.Draft)], cancellationToken);
            for (var i = 0; i < drafts.Count; i++)
            {
                var (region, draft) = drafts[i];
                var outcome = results[i];
                if (outcome.Result is not { } result)
                    throw new LedgerRuleException(outcome.RefusedRule ?? "ledger.rule", outcome.RefusalMessage ?? "账簿规则不允许此操作 / ledger rule violated");
                if (result.DiffersFromRequest)
                    throw new InvalidOperationException($"账簿中键 {draft.IdempotencyKey} 的凭证 {result.Entry.Sequence} 与缴费单金额不一致 / ledger entry differs from the bills");
                if (!result.AlreadyPosted)
                    posted++;
                sequences[region] = result.Entry.Sequence;
            }
        }

        // Each distinct trace text of the batch is sent once; a bill names it by index. Cases that differ only in what
        // the trace does not show (e.g. the birth date, when no step reads the age) share one text.
        var traces = new List<string>();
        var traceIndex = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        var bills = new List<NewBill>(batch.Length);
        foreach (var pending in batch)
        {
            var outcome = plan.Outcomes[pending.Outcome];
            var text = plan.Trace(pending);
            if (!traceIndex.TryGetValue(text, out var trace))
            {
                trace = traces.Count;
                traces.Add(text);
                traceIndex[text] = trace;
            }

            var result = outcome.Result!;
            bills.Add(new NewBill(Guid.CreateVersion7(), pending.PersonId, pending.Scheme, pending.RegionCode,
                result.Lines.Sum(l => l.Amount), result.Lines.Where(l => l.Payer == Payer.Codes.Individual).Sum(l => l.Amount),
                result.Lines, trace, sequences.TryGetValue(pending.RegionCode, out var sequence) ? sequence : null));
        }

        await writer.InsertAsync(label, plan.CreatedAt, bills, traces, cancellationToken);
        return posted;
    }

    /// <summary>
    /// Reads everyone enrolled in the period once (streamed, untracked) and decides each person's bill without writing:
    /// the engine is asked once per distinct case. Throws <see cref="BillingRefusedException"/> for a tenant-wide
    /// refusal (nothing written).
    /// </summary>
    private async Task<BillingPlan> PlanAsync(string tenant, ContributionPeriod period, CancellationToken cancellationToken)
    {
        var label = period.ToString();
        var billed = (await db.ContributionBills.Where(b => b.Period == label).Select(b => b.PersonId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var deaths = await db.DeathRecords.AsNoTracking()
            .ToDictionaryAsync(d => d.PersonId, d => d.DateOfDeath, cancellationToken);
        var statuses = (await db.PersonStatuses.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(s => s.PersonId);
        var bases = await ContributionBaseBook.CoveringAsync(db, period.Start, period.End, null, cancellationToken);

        // The bills' moment is also the moment the parameters are read as known: recomputing a bill with its CreatedAt
        // sees the same approved versions (RecomputeBillQuery), whatever was approved later.
        var now = PolicyMoments.Truncate(clock.GetUtcNow());
        var calculator = await engine.ForTenantAsync(tenant, now, cancellationToken);
        var plan = new BillingPlan(now);
        var outcomes = new Dictionary<CaseKey, int>();
        var basesIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        string Intern(string text) => interned.TryGetValue(text, out var known) ? known : interned[text] = text;
        void Count(string reason, int people = 1) => plan.Reasons[reason] = plan.Reasons.GetValueOrDefault(reason) + people;
        PolicyException? tenantWide = null;

        void Decide(InsuredPerson person, EnrollmentPeriod enrollment)
        {
            if (billed.Contains(person.Id))
            {
                plan.Existing++;
                return;
            }

            // No bill for a period that starts after the person died.
            if (deaths.TryGetValue(person.Id, out var died) && died < period.Start)
            {
                Count(BillingSkipReasons.Deceased);
                return;
            }

            var used = BasesInForce(bases[person.Id], enrollment, period, null);
            var billingCase = BillingCase(tenant, person, enrollment, statuses[person.Id], period, used);
            var key = CaseKey.Of(billingCase);
            if (!outcomes.TryGetValue(key, out var index))
            {
                index = plan.Outcomes.Count;
                try
                {
                    var evaluation = calculator.Evaluate(billingCase);
                    plan.Outcomes.Add(new CaseOutcome((ContributionResult)evaluation.Result, evaluation, null));
                }
                catch (PolicyException ex)
                {
                    plan.Outcomes.Add(new CaseOutcome(null, null, ex));
                }

                outcomes[key] = index;
            }

            var outcome = plan.Outcomes[index];
            if (outcome.Refusal is { } refusal)
            {
                if (refusal.Code is ErrorCodes.ParameterMissing or ErrorCodes.UnknownTenant or ErrorCodes.BeforeSchemeStart or ErrorCodes.BeforeCollectionStart)
                {
                    // A tenant-wide problem: billing anyone would bill the period inconsistently. The run goes on counting
                    // whom it concerns, then is refused as a whole; nothing is written.
                    tenantWide ??= refusal;
                    Count(refusal.Code);
                    return;
                }

                plan.Skipped.Add(new SkippedPerson(new PersonId(person.Id), person.Name, refusal.Code, refusal.Message));
                Count(RateOnBase.IsMissingBase(refusal) ? BillingSkipReasons.NoBase : refusal.Code);
                return;
            }

            // What the trace records about the bases: equal records are kept once.
            var basesJson = System.Text.Json.JsonSerializer.Serialize(used.Trace);
            if (!basesIndex.TryGetValue(basesJson, out var basesAt))
            {
                basesAt = plan.Bases.Count;
                plan.Bases.Add(used.Trace);
                basesIndex[basesJson] = basesAt;
            }

            plan.Bills.Add(new PendingBill(person.Id, Intern(enrollment.Scheme), Intern(person.RegionCode), index, basesAt));
        }

        // A person with two periods inside one year (re-enrolled) is billed once, under the period in force last: rows
        // come ordered by person and start, so a person's last row decides.
        var enrolled = (
                from e in db.EnrollmentPeriods
                join p in db.InsuredPeople on new { e.TenantId, e.PersonId } equals new { p.TenantId, PersonId = p.Id }
                where e.StartDate <= period.End && (e.EndDate == null || e.EndDate >= period.Start)
                orderby p.Id, e.StartDate
                select new { Enrollment = e, Person = p })
            .AsNoTracking().AsAsyncEnumerable();
        InsuredPerson? current = null;
        EnrollmentPeriod? last = null;
        await foreach (var item in enrolled.WithCancellation(cancellationToken))
        {
            if (current is not null && current.Id != item.Person.Id)
                Decide(current, last!);
            current = item.Person;
            last = item.Enrollment;
        }

        if (current is not null)
            Decide(current, last!);

        if (tenantWide is not null)
        {
            throw new BillingRefusedException(tenantWide.Code,
                $"{label} 缴费核定未执行，未写入任何数据：{tenantWide.Message}（{BillingSkipReasons.Describe(plan.Reasons)}）");
        }

        // People of the register whom no enrollment covers in the period (alive at its start): not billed, counted.
        var notEnrolled = await db.InsuredPeople.AsNoTracking()
            .Where(p => !db.EnrollmentPeriods.Any(e => e.PersonId == p.Id && e.StartDate <= period.End && (e.EndDate == null || e.EndDate >= period.Start)))
            .Where(p => !db.DeathRecords.Any(d => d.PersonId == p.Id && d.DateOfDeath < period.Start))
            .CountAsync(cancellationToken);
        if (notEnrolled > 0)
            Count(BillingSkipReasons.NotEnrolled, notEnrolled);
        return plan;
    }

    /// <summary>
    /// The bases a person's bill uses: of the contribution bases (<c>contribution_bases</c>) the wage and the pension in
    /// force in the bill's first month (the later of the period's start and the enrollment's), as recorded at or before
    /// <paramref name="knownAt"/> when given; where the table has none, the base given when the person was enrolled
    /// (<see cref="EnrollmentPeriod.MonthlyBase"/>). Also what the bill's trace records about them.
    /// </summary>
    internal static BillingBases BasesInForce(IEnumerable<ContributionBase> personBases, EnrollmentPeriod enrollment,
        ContributionPeriod period, DateTimeOffset? knownAt)
    {
        var asOf = enrollment.StartDate > period.Start ? enrollment.StartDate : period.Start;
        var month = Month.Of(asOf);
        var list = personBases as IReadOnlyCollection<ContributionBase> ?? [.. personBases];
        var wage = ContributionBase.InForce(list, ContributionBaseKinds.Wage, month, knownAt);
        var pension = ContributionBase.InForce(list, ContributionBaseKinds.Pension, month, knownAt);
        var trace = new List<object>();
        foreach (var b in new[] { wage, pension })
        {
            if (b is not null)
                trace.Add(new { b.Id, b.Kind, b.Amount, month = month.ToString(), period = b.PeriodText, b.Source, b.RecordedBy, b.RecordedAt });
        }

        if ((wage is null || pension is null) && enrollment.MonthlyBase is { } given)
            trace.Add(new { kind = "enrollment", amount = given, month = month.ToString(), source = "enrollment", since = enrollment.StartDate });
        return new BillingBases(wage?.Amount ?? enrollment.MonthlyBase, pension?.Amount ?? enrollment.MonthlyBase, trace);
    }

    /// <summary>
    /// The engine's contribution case of one person's bill: the register's person on the later of the period's start
    /// and the enrollment's, under the enrollment's scheme, with the bases in force (<see cref="BasesInForce"/>;
    /// <see cref="RecomputeBill.RecomputeBillHandler"/> asks the same).
    /// </summary>
    internal static PolicyCase BillingCase(string tenant, InsuredPerson person, EnrollmentPeriod enrollment,
        IEnumerable<PersonStatusPeriod> statuses, ContributionPeriod period, BillingBases bases)
    {
        var asOf = enrollment.StartDate > period.Start ? enrollment.StartDate : period.Start;
        var input = new ContributionInput(
            EnginePerson.Of(person, statuses, asOf),
            enrollment.Scheme == SchemeKinds.SpecialGroups ? null : enrollment.Scheme,
            period,
            bases.MonthlyWage,
            bases.MonthlyPension);
        return new PolicyCase(CaseKinds.Contribution, tenant, period.Start, input, new Dictionary<string, object?>());
    }

    /// <summary>
    /// Books old unposted bills (see <see cref="PostLeftoversAsync"/>) inside a transaction with one batch append of the ledger, recording
    /// each entry's sequence on its bill; the number of entries written. A refusal of the ledger (closed period, unknown
    /// account) throws, so the batch rolls back, as a single posting does.
    /// </summary>
    private async Task<int> PostBatchAsync(IReadOnlyList<ContributionBill> bills, Func<string, string, string> account,
        CancellationToken cancellationToken)
    {
        var drafts = new List<(ContributionBill Bill, EntryDraft Draft)>(bills.Count);
        foreach (var bill in bills)
        {
            if (ContributionPosting.ForBill(bill, code => account(code, bill.RegionCode)) is { } draft)
                drafts.Add((bill, draft));
        }

        if (drafts.Count == 0)
            return 0;
        var results = await ledger.PostBatchAsync([.. drafts.Select(d => d.Draft)], cancellationToken);
        var posted = 0;
        for (var i = 0; i < drafts.Count; i++)
        {
            var (bill, draft) = drafts[i];
            var outcome = results[i];
            if (outcome.Result is not { } result)
                throw new LedgerRuleException(outcome.RefusedRule ?? "ledger.rule", outcome.RefusalMessage ?? "账簿规则不允许此操作 / ledger rule violated");
            if (result.DiffersFromRequest)
                throw new InvalidOperationException($"账簿中键 {draft.IdempotencyKey} 的凭证 {result.Entry.Sequence} 与缴费单金额不一致 / ledger entry differs from the bill");
            if (!result.AlreadyPosted)
                posted++;
            bill.RecordPosting(result.Entry.Sequence);
        }

        return posted;
    }

    /// <summary>Posts bills of the period that are still unposted, a batch per transaction.</summary>
    private async Task<int> PostLeftoversAsync(string period, Func<string, string, string> account, CancellationToken cancellationToken)
    {
        var posted = 0;
        var after = Guid.Empty;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var from = after;
            var batch = await db.ContributionBills.Include(b => b.Lines)
                .Where(b => b.Period == period && b.JournalSequence == null && b.Total > 0 && b.Id.CompareTo(from) > 0)
                .OrderBy(b => b.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                return posted;
            try
            {
                posted += await db.InTransactionAsync(async ct =>
                {
                    var entries = await PostBatchAsync(batch, account, ct);
                    await db.SaveChangesAsync(ct);
                    return entries;
                }, cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }

            after = batch[^1].Id;
        }
    }
}

/// <summary>What a run decided before writing: the bills to write, the engine's answers they share, the counts.</summary>
internal sealed class BillingPlan(DateTimeOffset createdAt)
{
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public List<PendingBill> Bills { get; } = [];
    public List<CaseOutcome> Outcomes { get; } = [];
    public List<IReadOnlyList<object>> Bases { get; } = [];
    public List<SkippedPerson> Skipped { get; } = [];
    public Dictionary<string, int> Reasons { get; } = new(StringComparer.Ordinal);
    public int Existing { get; set; }

    /// <summary>How many distinct traces the run keeps once made (each a few kilobytes); beyond, a trace is made per batch.</summary>
    private const int TraceCacheSize = 4096;

    private readonly Dictionary<(int Outcome, int Bases), string> traces = [];
    private readonly Dictionary<string, string> traceTexts = new(StringComparer.Ordinal);

    /// <summary>
    /// The trace document of a bill: the engine's answer with the bases' record, made once per distinct pair for the
    /// first <see cref="TraceCacheSize"/> pairs of the run; equal texts are the same string instance while cached.
    /// </summary>
    public string Trace(PendingBill bill)
    {
        var key = (bill.Outcome, bill.Bases);
        if (traces.TryGetValue(key, out var known))
            return known;
        var text = TraceDocument.Json(Outcomes[bill.Outcome].Evaluation!, Bases[bill.Bases]);
        if (traceTexts.TryGetValue(text, out var same))
            text = same;
        else if (traceTexts.Count < TraceCacheSize)
            traceTexts[text] = text;
        if (traces.Count < TraceCacheSize)
            traces[key] = text;
        return text;
    }
}

/// <summary>A person to bill: scheme and region, the engine's answer (index into the plan's outcomes) and the bases' trace (index).</summary>
internal sealed record PendingBill(Guid PersonId, string Scheme, string RegionCode, int Outcome, int Bases);

/// <summary>The engine's answer to one distinct case: the result with its evaluation, or the refusal.</summary>
internal sealed record CaseOutcome(ContributionResult? Result, PolicyEvaluation? Evaluation, PolicyException? Refusal);

/// <summary>
/// Everything the engine reads of a contribution case: two cases with equal keys get the same answer, so the run asks
/// once. The person's identity is not part of it (the engine does not see it).
/// </summary>
internal readonly record struct CaseKey(string Tenant, DateOnly AsOf, DateOnly BirthDate, string RegionCode, MedicalInsuranceScheme MedicalInsurance,
    EmploymentStatus Employment, string Statuses, string? FlexibleChoice, ContributionPeriod Period, decimal? MonthlyWage,
    decimal? MonthlyPension, bool? GuardianInsured)
{
    public static CaseKey Of(PolicyCase billingCase)
    {
        var input = (ContributionInput)billingCase.Input;
        if (billingCase.Parameters.Count > 0)
            throw new InvalidOperationException("a billing case carries no case parameters");
        return new CaseKey(billingCase.Tenant, billingCase.AsOf, input.Person.BirthDate, input.Person.RegionCode, input.Person.MedicalInsurance,
            input.Person.Employment, string.Join('\u001f', input.Person.Statuses), input.FlexibleChoice, input.Period, input.MonthlyWage,
            input.MonthlyPension, input.GuardianInsured);
    }
}

/// <summary>The monthly wage and pension a bill uses, and what its trace records about where they came from.</summary>
internal sealed record BillingBases(decimal? MonthlyWage, decimal? MonthlyPension, IReadOnlyList<object> Trace);
