using LtcInsurance.Application.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LtcInsurance.Infrastructure.Ledger;

public static class LedgerServiceCollectionExtensions
{
    /// <summary>Registers the ledger services (scoped, over the scoped LtcDbContext and its current tenant).</summary>
    public static IServiceCollection AddLtcLedger(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ILedgerPostingService, LedgerPostingService>();
        services.AddScoped<ILedgerVerifier, LedgerVerifier>();
        services.AddScoped<ILedgerReports, LedgerReports>();
        services.AddScoped<ILedgerSourceDocuments, LedgerSourceDocuments>();
        services.AddScoped<ILedgerChart, LedgerChart>();
        return services;
    }
}
