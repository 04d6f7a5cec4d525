using LtcInsurance.Application.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LtcInsurance.Infrastructure.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>The register import's ports: file reading (CSV, XLSX) and the PostgreSQL staging and apply.</summary>
    public static IServiceCollection AddLtcImport(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IRegisterFileReader, RegisterFileReader>();
        services.AddScoped<IRegisterImportStore, RegisterImportStore>();
        return services;
    }
}
