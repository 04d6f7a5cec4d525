using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Reports;

namespace LtcInsurance.Application.Ledger;

/// <summary>Read-only views of the current tenant's books for auditors and clerks (pages, exports, CLI).</summary>
public interface ILedgerReports
{
    Task<IReadOnlyList<Account>> AccountsAsync(CancellationToken cancellationToken = default);

    Task<TrialBalance> TrialBalanceAsync(LedgerPeriod? through = null, CancellationToken cancellationToken = default);

    Task<AccountStatement> AccountStatementAsync(string accountCode, LedgerPeriod? from = null, LedgerPeriod? to = null,
        CancellationToken cancellationToken = default);

    Task<IReadOnlyList<IncomeAndExpenditureRow>> IncomeAndExpenditureAsync(int year, bool byMonth,
        CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RegionBalance>> RegionBalancesAsync(LedgerPeriod? through = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The year's agency fees against the tenant's ceiling (JN 六, YL 三(六)); funding is the year's contribution
    /// income, fees are the year's debits to 经办服务费支出 and 失能评估费支出.
    /// </summary>
    Task<AgencyFeeUsage> AgencyFeeUsageAsync(int year, AgencyFeeCeilingRule rule, CancellationToken cancellationToken = default);

    /// <summary>One page of entries, newest first, for a journal browser.</summary>
    Task<IReadOnlyList<JournalEntry>> EntriesAsync(int skip, int take, CancellationToken cancellationToken = default);

    Task<JournalEntry?> EntryAsync(long sequence, CancellationToken cancellationToken = default);
}
