using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Providers.AddCareWorker;

/// <summary>Registers a member of a provider's care staff by real name and ID number, with qualifications (实名制管理).</summary>
/// <param name="Qualifications">Codes of <see cref="Domain.Providers.CareQualifications"/>.</param>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record AddCareWorkerCommand(Guid InstitutionId, string Name, string IdNumber, IReadOnlyList<string> Qualifications) : IRequest<Guid>;
