using System.Data.Common;
using LtcInsurance.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Contributions;

/// <summary>Chooses a region's sub-account when the tenant keeps one (YZ 四(五)), else the city account.</summary>
internal static class ContributionAccounts
{
    public static async Task<Func<string, string, string>> LoadAsync(ILtcDbContext db, CancellationToken cancellationToken)
    {
        var codes = (await db.LedgerAccounts.Select(a => a.Code).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return (code, region) =>
        {
            var regional = Domain.Ledger.Account.RegionAccountCode(code, region);
            return codes.Contains(regional) ? regional : code;
        };
    }

    /// <summary>
    /// A unique index refused the save: another run or receipt committed the same row first. Read from the provider's
    /// SQLSTATE (23505) through <see cref="DbException"/>, so the use cases stay free of the provider.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException failure) =>
        failure.InnerException is DbException { SqlState: "23505" };
}
