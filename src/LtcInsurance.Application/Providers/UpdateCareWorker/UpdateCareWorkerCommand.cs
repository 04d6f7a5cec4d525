using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Providers.UpdateCareWorker;

/// <summary>
/// Corrects a care worker's name, ID number or qualifications, or marks them as having left (<see cref="Active"/> false).
/// <see cref="IdNumber"/> blank keeps the number on record (the pages show it masked and do not ask for it again).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record UpdateCareWorkerCommand(Guid CareWorkerId, string Name, string? IdNumber, IReadOnlyList<string> Qualifications, bool Active)
    : IRequest<int>;
