using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Common.Persistence;

/// <summary>
/// What the use cases need of the database: the tables as EF sets (tenant-filtered; row-level security behind them),
/// saving, and a transaction around several saves. PostgreSQL-specific work (the ledger's chain append, binary COPY)
/// goes through narrow ports instead (<c>ILedgerPostingService</c>, the import staging port).
/// </summary>
public interface ILtcDbContext
{
    /// <summary>The tenant the query filters let through (null: none).</summary>
    string? CurrentTenantId { get; }

    DbSet<Tenant> Tenants { get; }

    DbSet<Institution> Institutions { get; }

    DbSet<InsuredPerson> InsuredPeople { get; }

    DbSet<EnrollmentPeriod> EnrollmentPeriods { get; }

    DbSet<PersonStatusPeriod> PersonStatuses { get; }

    DbSet<GuardianLink> GuardianLinks { get; }

    DbSet<DeathRecord> DeathRecords { get; }

    DbSet<PersonChange> PersonChanges { get; }

    DbSet<ContributionBill> ContributionBills { get; }

    DbSet<ContributionBillLine> ContributionBillLines { get; }

    DbSet<ContributionPayment> ContributionPayments { get; }

    DbSet<ImportJob> ImportJobs { get; }

    DbSet<ImportRow> ImportRows { get; }

    DbSet<LedgerAccountRecord> LedgerAccounts { get; }

    DbSet<LedgerPeriodRecord> LedgerPeriods { get; }

    DbSet<LedgerChainHeadRecord> LedgerChainHeads { get; }

    DbSet<JournalEntryRecord> JournalEntries { get; }

    DbSet<JournalPostingRecord> JournalPostings { get; }

    /// <summary>The posting lines summed per period, source type, account and side, kept by the database (read only).</summary>
    DbSet<LedgerBalanceRecord> LedgerBalances { get; }

    DbSet<TEntity> Set<TEntity>() where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>The context's change tracker: bulk work clears it after each saved batch, so no save looks at a whole run.</summary>
    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }

    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction (joining the current one if there is one), committing
    /// when it returns and rolling back when it throws.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);
}
