using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace LtcInsurance.Infrastructure.Persistence;

/// <summary>
/// Fresh planner statistics after a bulk write, before the next batch is planned: autovacuum comes by later (if at all
/// before a run ends), and until then the planner keeps believing the tables a run is filling are empty. The application
/// role may not ANALYZE; <c>ltc_analyze_after_bulk_write</c> does it with the owner's rights for the tables it names
/// (migrations AnalyzeAfterBulkWrite and AnalyzeImportRows, ADR 0009).
/// </summary>
internal static class BulkWriteStatistics
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    public static async Task RefreshStatisticsAsync(this DatabaseFacade database, string[] tables, CancellationToken cancellationToken)
    {
        var previous = database.GetCommandTimeout();
        database.SetCommandTimeout(Timeout);
        try
        {
            await database.ExecuteSqlAsync($"SELECT ltc_analyze_after_bulk_write({tables})", cancellationToken);
        }
        finally
        {
            database.SetCommandTimeout(previous);
        }
    }
}
