using System.Linq.Expressions;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Tenancy;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Identity;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Persistence;

/// <summary>The application's one DbContext: identity (platform tables) plus tenant-owned tables.</summary>
public class LtcDbContext : IdentityDbContext<AppUser, AppRole, Guid>, ILtcDbContext
{
    private readonly ICurrentTenant _currentTenant;

    public LtcDbContext(DbContextOptions<LtcDbContext> options, ICurrentTenant currentTenant)
        : base(options)
    {
        _currentTenant = currentTenant;
        // Every SaveChanges gets a transaction, even for one statement: the tenant is set transaction-locally
        // when a transaction starts (see TenantSessionInterceptor and ADR 0002).
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    /// <summary>The tenant whose rows the global query filters let through.</summary>
    public string? CurrentTenantId => _currentTenant.TenantId;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<Institution> Institutions => Set<Institution>();

    public DbSet<InsuredPerson> InsuredPeople => Set<InsuredPerson>();

    public DbSet<EnrollmentPeriod> EnrollmentPeriods => Set<EnrollmentPeriod>();

    public DbSet<PersonStatusPeriod> PersonStatuses => Set<PersonStatusPeriod>();

    public DbSet<GuardianLink> GuardianLinks => Set<GuardianLink>();

    public DbSet<DeathRecord> DeathRecords => Set<DeathRecord>();

    public DbSet<PersonChange> PersonChanges => Set<PersonChange>();

    public DbSet<ContributionBill> ContributionBills => Set<ContributionBill>();

    public DbSet<ContributionBillLine> ContributionBillLines => Set<ContributionBillLine>();

    public DbSet<ContributionPayment> ContributionPayments => Set<ContributionPayment>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<ImportRow> ImportRows => Set<ImportRow>();

    public DbSet<LedgerAccountRecord> LedgerAccounts => Set<LedgerAccountRecord>();

    public DbSet<LedgerPeriodRecord> LedgerPeriods => Set<LedgerPeriodRecord>();

    public DbSet<LedgerChainHeadRecord> LedgerChainHeads => Set<LedgerChainHeadRecord>();

    public DbSet<JournalEntryRecord> JournalEntries => Set<JournalEntryRecord>();

    public DbSet<JournalPostingRecord> JournalPostings => Set<JournalPostingRecord>();

    public DbSet<LedgerBalanceRecord> LedgerBalances => Set<LedgerBalanceRecord>();

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Database.CurrentTransaction is not null)
            return await work(cancellationToken);
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var result = await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Trigram indexes for the register's name search (migration 20261207125000_RegisterSearchIndexes).
        builder.HasPostgresExtension("pg_trgm");
        PinIdentitySchema(builder);
        // Picks up every IEntityTypeConfiguration in this assembly, including those of other feature folders (Ledger/).
        builder.ApplyConfigurationsFromAssembly(typeof(LtcDbContext).Assembly);
        ApplyTenantQueryFilters(builder);
        SnakeCaseNaming.Apply(builder.Model);
    }

    /// <summary>
    /// IdentityDbContext shapes its tables by the host's IdentityOptions.Stores.SchemaVersion, but the migrations
    /// are written by hand against one shape: schema version 2 (key lengths set in the configurations below),
    /// without the version 3 passkey table. Hosts must not enable passkeys (see ADR 0003).
    /// </summary>
    private static void PinIdentitySchema(ModelBuilder builder)
    {
        if (builder.Model.FindEntityType(typeof(IdentityUserPasskey<Guid>)) is not null)
            builder.Ignore<IdentityUserPasskey<Guid>>();
    }

    /// <summary>
    /// First wall of tenancy: every <see cref="ITenantOwned"/> entity is filtered to <see cref="CurrentTenantId"/>.
    /// The filter refers to this context instance, so EF evaluates it per query (no tenant: no rows).
    /// </summary>
    private void ApplyTenantQueryFilters(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entity.ClrType) || entity.BaseType is not null)
                continue;
            var row = Expression.Parameter(entity.ClrType, "row");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(row, nameof(ITenantOwned.TenantId)),
                    Expression.Property(Expression.Constant(this), nameof(CurrentTenantId))),
                row);
            builder.Entity(entity.ClrType).HasQueryFilter(filter);
        }
    }
}
