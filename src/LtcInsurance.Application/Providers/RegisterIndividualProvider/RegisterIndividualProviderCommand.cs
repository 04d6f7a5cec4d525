using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Providers.RegisterIndividualProvider;

/// <summary>
/// Admits an individual care worker (个体服务人员) as a provider under agreement, where the city's document allows it
/// (SS 二(五)1, YZ 四(一)1; other cities refuse, citing the city). The provider's name is the worker's; they are also
/// registered as its one care worker with their ID number and qualifications. Mode: 个人护理服务 only.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record RegisterIndividualProviderCommand(string Code, string IdNumber, IReadOnlyList<string> Qualifications, ProviderTerms Terms)
    : IRequest<Guid>;
