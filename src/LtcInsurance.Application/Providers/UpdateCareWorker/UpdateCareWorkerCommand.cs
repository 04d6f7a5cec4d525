using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Providers.UpdateCareWorker;

/// <summary>Corrects a care worker's name, ID number or qualifications, or marks them as having left (<see cref="Active"/> false).</summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record UpdateCareWorkerCommand(Guid CareWorkerId, string Name, string IdNumber, IReadOnlyList<string> Qualifications, bool Active)
    : IRequest<int>;
