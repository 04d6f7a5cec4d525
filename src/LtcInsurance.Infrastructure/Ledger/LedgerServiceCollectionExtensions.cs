using LtcInsurance.Application.Ledger;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Ledger.Export;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LtcInsurance.Infrastructure.Ledger;

public static class LedgerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the ledger's ports: the posting service (scoped, over the scoped LtcDbContext and its current tenant) and
    /// the report file writer. The ledger's use cases themselves are Application handlers.
    /// </summary>
    public static IServiceCollection AddLtcLedger(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ILedgerPostingService, LedgerPostingService>();
        services.TryAddSingleton<ITableFileWriter, TableFileWriter>();
        services.TryAddSingleton<IStreamingTableWriter, StreamingTableWriter>();
        return services;
    }
}
