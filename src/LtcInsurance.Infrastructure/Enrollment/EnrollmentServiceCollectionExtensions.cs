using LtcInsurance.Application.Contributions;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Infrastructure.Contributions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LtcInsurance.Infrastructure.Enrollment;

public static class EnrollmentServiceCollectionExtensions
{
    /// <summary>
    /// Registers enrollment, billing, payments, register queries (scoped over LtcDbContext and the current
    /// tenant). Needs the ledger services (AddLtcLedger). The default PolicyCalculator uses the documents' parameters;
    /// register another one before this call to supply tenant overrides.
    /// </summary>
    public static IServiceCollection AddLtcEnrollment(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new PolicyCalculator());
        services.AddScoped<IEnrollmentService, EnrollmentService>();
        services.AddScoped<IRegisterQueries, RegisterQueries>();
        services.AddScoped<IContributionBilling, ContributionBillingService>();
        services.AddScoped<IContributionPayments, ContributionPaymentService>();
        return services;
    }
}
