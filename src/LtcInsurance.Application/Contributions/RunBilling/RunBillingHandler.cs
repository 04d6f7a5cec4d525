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
/// The billing run. Every bill is first computed in memory through the engine: a missing tenant parameter (or a period
/// in the wrong unit) refuses the run before anything is written. Then the new bills are written in batches of
/// <see cref="BatchSize"/> people, each batch one transaction that books its bills with one batch append of the ledger's
/// posting service (which joins the transaction: one lock, one head read, one insert; an entry per bill under the key
/// (tenant, period, person), so each bill is its entry's source) and then inserts the bills, already carrying their entry's
/// sequence, with their lines. Nothing is tracked beyond the batch being written. The
/// tenant's ledger lock is therefore held for one batch at a time, never for the whole run: a payment recorded while a
/// run goes on waits at most for one batch. A run stopped between batches (cancelled, or the process killed) leaves
/// complete batches; running it again bills the rest, because an existing bill of the same person and period is kept
/// (the unique index stops a concurrent duplicate) and the posting service books nothing twice under one key. Bills of
/// the period still unposted (a run interrupted under the old single-transaction scheme) are posted in batches last.
/// Progress is reported to the background job running the request, if any (<see cref="JobProgress"/>).
/// A run that wrote bills or entries leaves a <see cref="BillingRun"/> (who, when, the counts) once its batches are done.
/// </summary>
internal sealed class RunBillingHandler(
    ILtcDbContext db, IPolicyEngine engine, ILedgerPostingService ledger, ICurrentUser user, TimeProvider clock)
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
        var (bills, existing, skipped, reasons) = await ComputeAsync(tenant, parsed, cancellationToken);
        var account = await ContributionAccounts.LoadAsync(db, cancellationToken);

        var posted = 0;
        var written = 0;
        JobProgress.Report(0, bills.Count);
        foreach (var batch in bills.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                posted += await db.InTransactionAsync(async ct =>
                {
                    // The batch's entries first, in one append (one lock, one head read, one insert), so that each bill
                    // is inserted with its entry's sequence: no second pass updating the bills.
                    var entries = await PostBatchAsync(batch, account, ct);
                    db.ContributionBills.AddRange(batch);
                    await db.SaveChangesAsync(ct);
                    return entries;
                }, cancellationToken);
            }
            catch (DbUpdateException ex) when (ContributionAccounts.IsUniqueViolation(ex))
            {
                // Another run of the same period committed this batch's people first; this batch wrote nothing, earlier
                // batches stay. Running again is safe and bills whoever is left.
                throw new BillingRefusedException("concurrent_run",
                    $"{label} 缴费核定正在另一处执行，本批未写入（已完成的 {written} 张缴费单保留），请稍后重试");
            }
            finally
            {
                db.ChangeTracker.Clear();
            }

            written += batch.Length;
            JobProgress.Report(written, bills.Count);
        }

        posted += await PostLeftoversAsync(label, account, cancellationToken);
        var result = new BillingRunResult(label, bills.Count, existing, posted, skipped,
            await BillingTotalsReader.ReadAsync(db, label, cancellationToken)) { Reasons = reasons };
        // A run that wrote something is recorded; so is one that billed nobody or skipped people, with its reasons.
        if (bills.Count > 0 || posted > 0 || result.Warning)
        {
            db.Set<BillingRun>().Add(BillingRun.Record(tenant, label, user.Name(), clock.GetUtcNow(), bills.Count,
                existing, posted, skipped.Count, reasons));
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    private async Task<(List<ContributionBill> Bills, int Existing, List<SkippedPerson> Skipped, Dictionary<string, int> Reasons)> ComputeAsync(
        string tenant, ContributionPeriod period, CancellationToken cancellationToken)
    {
        var label = period.ToString();
        var enrolled = await (
                from e in db.EnrollmentPeriods
                join p in db.InsuredPeople on new { e.TenantId, e.PersonId } equals new { p.TenantId, PersonId = p.Id }
                where e.StartDate <= period.End && (e.EndDate == null || e.EndDate >= period.Start)
                select new { Enrollment = e, Person = p })
            .AsNoTracking().ToListAsync(cancellationToken);
        var billed = (await db.ContributionBills.Where(b => b.Period == label).Select(b => b.PersonId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var deaths = await db.DeathRecords.AsNoTracking()
            .ToDictionaryAsync(d => d.PersonId, d => d.DateOfDeath, cancellationToken);
        var statuses = (await db.PersonStatuses.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(s => s.PersonId);
        var bases = await ContributionBaseBook.CoveringAsync(db, period.Start, period.End, null, cancellationToken);

        var bills = new List<ContributionBill>();
        var skipped = new List<SkippedPerson>();
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string reason, int people = 1) => reasons[reason] = reasons.GetValueOrDefault(reason) + people;
        PolicyException? tenantWide = null;
        var existing = 0;
        // The bills' moment is also the moment the parameters are read as known: recomputing a bill with its CreatedAt
        // sees the same approved versions (RecomputeBillQuery), whatever was approved later.
        var now = PolicyMoments.Truncate(clock.GetUtcNow());
        var calculator = await engine.ForTenantAsync(tenant, now, cancellationToken);
        // A person with two periods inside one year (re-enrolled) is billed once, under the period in force last.
        foreach (var item in enrolled.GroupBy(x => x.Person.Id).Select(g => g.OrderBy(x => x.Enrollment.StartDate).Last()))
        {
            var person = item.Person;
            if (billed.Contains(person.Id))
            {
                existing++;
                continue;
            }

            // No bill for a period that starts after the person died.
            if (deaths.TryGetValue(person.Id, out var died) && died < period.Start)
            {
                Count(BillingSkipReasons.Deceased);
                continue;
            }

            var enrollment = item.Enrollment;
            var used = BasesInForce(bases[person.Id], enrollment, period, null);
            PolicyEvaluation evaluation;
            try
            {
                evaluation = calculator.Evaluate(BillingCase(tenant, person, enrollment, statuses[person.Id], period, used));
            }
            catch (PolicyException ex) when (ex.Code is ErrorCodes.ParameterMissing or ErrorCodes.UnknownTenant or ErrorCodes.BeforeSchemeStart or ErrorCodes.BeforeCollectionStart)
            {
                // A tenant-wide problem: billing anyone would bill the period inconsistently. The run goes on counting
                // whom it concerns, then is refused as a whole; nothing is written.
                tenantWide ??= ex;
                Count(ex.Code);
                continue;
            }
            catch (PolicyException ex)
            {
                skipped.Add(new SkippedPerson(new PersonId(person.Id), person.Name, ex.Code, ex.Message));
                Count(RateOnBase.IsMissingBase(ex) ? BillingSkipReasons.NoBase : ex.Code);
                continue;
            }

            var result = (ContributionResult)evaluation.Result;
            bills.Add(ContributionBill.Issue(tenant, label, person.Id, enrollment.Scheme, person.RegionCode, result.Lines,
                TraceDocument.Json(evaluation, used.Trace), now));
        }

        if (tenantWide is not null)
        {
            throw new BillingRefusedException(tenantWide.Code,
                $"{label} 缴费核定未执行，未写入任何数据：{tenantWide.Message}（{BillingSkipReasons.Describe(reasons)}）");
        }

        // People of the register whom no enrollment covers in the period (alive at its start): not billed, counted.
        var notEnrolled = await db.InsuredPeople.AsNoTracking()
            .Where(p => !db.EnrollmentPeriods.Any(e => e.PersonId == p.Id && e.StartDate <= period.End && (e.EndDate == null || e.EndDate >= period.Start)))
            .Where(p => !db.DeathRecords.Any(d => d.PersonId == p.Id && d.DateOfDeath < period.Start))
            .CountAsync(cancellationToken);
        if (notEnrolled > 0)
            Count(BillingSkipReasons.NotEnrolled, notEnrolled);
        return (bills, existing, skipped, reasons);
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
    /// Books the (not yet saved) bills of one batch inside its transaction with one batch append of the ledger, recording
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

/// <summary>The monthly wage and pension a bill uses, and what its trace records about where they came from.</summary>
internal sealed record BillingBases(decimal? MonthlyWage, decimal? MonthlyPension, IReadOnlyList<object> Trace);
