using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Ledger.Reports;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Ledger;

/// <summary>
/// Reads of the current tenant's books shared by the ledger's queries and exports. They read posting lines and hand them
/// to the pure report functions of the domain (Domain/Ledger/Reports), so the figures a page shows are the figures the
/// specs test. The query filters and row-level security keep every read to the current tenant.
/// </summary>
internal static class LedgerReads
{
    public static async Task<IReadOnlyList<Account>> AccountsAsync(this ILtcDbContext db, CancellationToken cancellationToken) =>
        [.. (await db.LedgerAccounts.AsNoTracking().OrderBy(a => a.Code).ToListAsync(cancellationToken)).Select(a => a.ToDomain())];

    public static async Task<IReadOnlyDictionary<string, string>> AccountNamesAsync(this ILtcDbContext db,
        CancellationToken cancellationToken) =>
        await db.LedgerAccounts.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, StringComparer.Ordinal, cancellationToken);

    public static async Task<TrialBalance> TrialBalanceAsync(this ILtcDbContext db, LedgerPeriod? through,
        CancellationToken cancellationToken) =>
        TrialBalance.Compute(await db.AccountsAsync(cancellationToken), await db.SummedLinesAsync(through, cancellationToken), through);

    /// <summary>The account's statement, or null when the tenant has no such account (another city's is as unknown).</summary>
    public static async Task<AccountStatement?> StatementAsync(this ILtcDbContext db, string accountCode, LedgerPeriod? from,
        LedgerPeriod? to, CancellationToken cancellationToken)
    {
        var record = await db.LedgerAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Code == accountCode, cancellationToken);
        return record is null
            ? null
            : AccountStatement.Compute(record.ToDomain(), await db.LinesAsync(accountCode, to, cancellationToken), from, to);
    }

    public static async Task<IReadOnlyList<IncomeAndExpenditureRow>> IncomeAndExpenditureAsync(this ILtcDbContext db, int year,
        bool byMonth, CancellationToken cancellationToken) =>
        IncomeAndExpenditure.Compute(await db.AccountsAsync(cancellationToken),
            await db.SummedLinesAsync(new LedgerPeriod(year, 12), cancellationToken), year, byMonth);

    public static async Task<IReadOnlyList<RegionBalance>> RegionBalancesAsync(this ILtcDbContext db, LedgerPeriod? through,
        CancellationToken cancellationToken) =>
        RegionBalance.Compute(await db.AccountsAsync(cancellationToken), await db.SummedLinesAsync(through, cancellationToken), through);

    /// <summary>
    /// The year a report shows when none is asked for: the year of the newest entry (the books' own current year), or
    /// the clock's year for empty books.
    /// </summary>
    public static async Task<int> DefaultYearAsync(this ILtcDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var newest = await db.JournalEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => e.Period)
            .FirstOrDefaultAsync(cancellationToken);
        return newest is null ? clock.GetUtcNow().Year : LedgerPeriod.Parse(newest).Year;
    }

    /// <summary>The posting lines through <paramref name="through"/>, summed per period, source type, account and side.</summary>
    public static Task<List<LedgerLine>> LinesThroughAsync(this ILtcDbContext db, LedgerPeriod through,
        CancellationToken cancellationToken) =>
        db.SummedLinesAsync(through, cancellationToken);

    /// <summary>
    /// The books' posting lines through <paramref name="through"/> (null: all), summed by period, source type, account and
    /// side: read from the balances the database keeps with every posting (<c>ledger_balances</c>, a trigger on the
    /// postings adds each statement's lines in the same statement), a few hundred rows however long the journal.
    /// Each sum stands for its lines as one <see cref="LedgerLine"/> (sequence 0, first day of its period, no description):
    /// the trial balance, the region balances, income and expenditure and the agency-fee measure add amounts per account,
    /// side, period and source type only, so their figures are those of the lines themselves.
    /// </summary>
    public static async Task<List<LedgerLine>> SummedLinesAsync(this ILtcDbContext db, LedgerPeriod? through,
        CancellationToken cancellationToken)
    {
        var last = through?.ToString();
        var sums = await (
            from b in db.LedgerBalances
            where last == null || string.Compare(b.Period, last) <= 0
            select new { b.Period, b.SourceType, b.AccountCode, b.Side, b.Amount })
            .AsNoTracking().ToListAsync(cancellationToken);
        return [.. sums.Select(x =>
        {
            var period = LedgerPeriod.Parse(x.Period);
            return new LedgerLine(0, new DateOnly(period.Year, period.Month, 1), period, "",
                LedgerRecordMapping.ParseSourceType(x.SourceType), x.AccountCode, LedgerRecordMapping.ParseSide(x.Side), x.Amount);
        })];
    }

    /// <summary>
    /// The names of the tenant's regions (code → name), as its books are split by them (<see cref="StandardChart.DefaultRegions"/>);
    /// empty for a tenant that pools city-wide.
    /// </summary>
    public static IReadOnlyDictionary<string, string> RegionNames(string? tenantId) =>
        (tenantId is null ? null : StandardChart.DefaultRegions(tenantId)) ?? new Dictionary<string, string>();

    /// <summary>The entries a query selects, with their postings, oldest first.</summary>
    public static async Task<IReadOnlyList<JournalEntry>> EntriesOfAsync(IQueryable<JournalEntryRecord> query,
        CancellationToken cancellationToken) =>
        [.. (await query.AsNoTracking().Include(e => e.Postings).OrderBy(e => e.Sequence).ToListAsync(cancellationToken))
            .Select(e => e.ToDomain())];

    public static async Task<JournalEntry?> EntryAsync(this ILtcDbContext db, long sequence, CancellationToken cancellationToken) =>
        (await db.JournalEntries.AsNoTracking().Include(e => e.Postings)
            .SingleOrDefaultAsync(e => e.Sequence == sequence, cancellationToken))?.ToDomain();

    private static async Task<List<LedgerLine>> LinesAsync(this ILtcDbContext db, string? accountCode, LedgerPeriod? through,
        CancellationToken cancellationToken)
    {
        var last = through?.ToString();
        var query =
            from p in db.JournalPostings
            join e in db.JournalEntries on new { p.TenantId, p.Sequence } equals new { e.TenantId, e.Sequence }
            where (accountCode == null || p.AccountCode == accountCode)
                  && (last == null || string.Compare(e.Period, last) <= 0)
            orderby e.Sequence, p.Line
            select new { e.Sequence, e.BusinessDate, e.Period, e.Description, e.SourceType, p.AccountCode, p.Side, p.Amount };
        return [.. (await query.AsNoTracking().ToListAsync(cancellationToken)).Select(x =>
            new LedgerLine(x.Sequence, x.BusinessDate, LedgerPeriod.Parse(x.Period), x.Description,
                LedgerRecordMapping.ParseSourceType(x.SourceType), x.AccountCode, LedgerRecordMapping.ParseSide(x.Side), x.Amount))];
    }
}

/// <summary>The years a report may be asked for (those a <see cref="LedgerPeriod"/> can be in).</summary>
internal static class LedgerYears
{
    public const int First = 1900;
    public const int Last = 9999;
    public const string Message = "年度应在 1900 至 9999 之间。";
}
