using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Reports;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>
/// Report queries over the current tenant's books. They read posting lines and hand them to the pure report
/// functions of the domain (Domain/Ledger/Reports), so the figures a page shows are the figures the specs test.
/// </summary>
public sealed class LedgerReports(LtcDbContext db) : ILedgerReports
{
    public async Task<IReadOnlyList<Account>> AccountsAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.Set<LedgerAccountRecord>().AsNoTracking().OrderBy(a => a.Code).ToListAsync(cancellationToken))
            .Select(a => a.ToDomain())];

    public async Task<TrialBalance> TrialBalanceAsync(LedgerPeriod? through = null, CancellationToken cancellationToken = default) =>
        TrialBalance.Compute(await AccountsAsync(cancellationToken), await LinesAsync(null, through, cancellationToken), through);

    public async Task<AccountStatement> AccountStatementAsync(string accountCode, LedgerPeriod? from = null,
        LedgerPeriod? to = null, CancellationToken cancellationToken = default)
    {
        var record = await db.Set<LedgerAccountRecord>().AsNoTracking()
                         .SingleOrDefaultAsync(a => a.Code == accountCode, cancellationToken)
                     ?? throw new LedgerRuleException(LedgerRules.UnknownAccount, $"账户 {accountCode} 不存在 / unknown account");
        return AccountStatement.Compute(record.ToDomain(), await LinesAsync(accountCode, to, cancellationToken), from, to);
    }

    public async Task<IReadOnlyList<IncomeAndExpenditureRow>> IncomeAndExpenditureAsync(int year, bool byMonth,
        CancellationToken cancellationToken = default) =>
        IncomeAndExpenditure.Compute(await AccountsAsync(cancellationToken),
            await LinesAsync(null, new LedgerPeriod(year, 12), cancellationToken), year, byMonth);

    public async Task<IReadOnlyList<RegionBalance>> RegionBalancesAsync(LedgerPeriod? through = null,
        CancellationToken cancellationToken = default) =>
        RegionBalance.Compute(await AccountsAsync(cancellationToken), await LinesAsync(null, through, cancellationToken), through);

    public async Task<AgencyFeeUsage> AgencyFeeUsageAsync(int year, AgencyFeeCeilingRule rule,
        CancellationToken cancellationToken = default)
    {
        var accounts = await AccountsAsync(cancellationToken);
        var lines = (await LinesAsync(null, new LedgerPeriod(year, 12), cancellationToken))
            .Where(l => l.Period.Year == year && l.SourceType != SourceDocumentType.Closing).ToList();
        var byCode = accounts.ToDictionary(a => a.Code, StringComparer.Ordinal);
        decimal Net(Func<Account, bool> which, decimal sign) =>
            sign * lines.Where(l => byCode.TryGetValue(l.AccountCode, out var a) && which(a)).Sum(l => l.SignedAmount);
        var funding = Net(a => a.Type == AccountType.Income && a.ParentCode.StartsWith("4101.", StringComparison.Ordinal), -1m);
        var agency = Net(a => a.ParentCode == StandardChart.AgencyFees, 1m);
        var assessment = Net(a => a.ParentCode == StandardChart.AssessmentFees, 1m);
        return AgencyFeeCeiling.Check(rule, year, Math.Max(funding, 0m), Math.Max(agency, 0m), Math.Max(assessment, 0m));
    }

    public async Task<IReadOnlyList<JournalEntry>> EntriesAsync(int skip, int take, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<JournalEntryRecord>().AsNoTracking().Include(e => e.Postings)
                .OrderByDescending(e => e.Sequence).Skip(skip).Take(take).AsSplitQuery().ToListAsync(cancellationToken))
            .Select(e => e.ToDomain())];

    public async Task<JournalEntry?> EntryAsync(long sequence, CancellationToken cancellationToken = default) =>
        (await db.Set<JournalEntryRecord>().AsNoTracking().Include(e => e.Postings)
            .SingleOrDefaultAsync(e => e.Sequence == sequence, cancellationToken))?.ToDomain();

    /// <summary>
    /// The entries a filtered query selects (e.g. the journal page's filters), with their postings, oldest first: what an
    /// export of the journal writes. The query's own tenant filter decides which city's entries these are.
    /// </summary>
    public static async Task<IReadOnlyList<JournalEntry>> EntriesOfAsync(IQueryable<JournalEntryRecord> query,
        CancellationToken cancellationToken = default) =>
        [.. (await query.AsNoTracking().Include(e => e.Postings).OrderBy(e => e.Sequence).AsSplitQuery()
                .ToListAsync(cancellationToken))
            .Select(e => e.ToDomain())];

    private async Task<List<LedgerLine>> LinesAsync(string? accountCode, LedgerPeriod? through,
        CancellationToken cancellationToken)
    {
        var last = through?.ToString();
        var query =
            from p in db.Set<JournalPostingRecord>()
            join e in db.Set<JournalEntryRecord>() on new { p.TenantId, p.Sequence } equals new { e.TenantId, e.Sequence }
            where (accountCode == null || p.AccountCode == accountCode)
                  && (last == null || string.Compare(e.Period, last) <= 0)
            orderby e.Sequence, p.Line
            select new { e.Sequence, e.BusinessDate, e.Period, e.Description, e.SourceType, p.AccountCode, p.Side, p.Amount };
        return [.. (await query.AsNoTracking().ToListAsync(cancellationToken)).Select(x =>
            new LedgerLine(x.Sequence, x.BusinessDate, LedgerPeriod.Parse(x.Period), x.Description,
                LedgerMapping.ParseSourceType(x.SourceType), x.AccountCode, LedgerMapping.ParseSide(x.Side), x.Amount))];
    }
}
