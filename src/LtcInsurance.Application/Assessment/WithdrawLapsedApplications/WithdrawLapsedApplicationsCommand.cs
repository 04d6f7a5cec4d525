using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.WithdrawLapsedApplications;

/// <summary>Marks every application still waiting for acceptance after its completion period as withdrawn (视为撤回) on <see cref="On"/>.</summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record WithdrawLapsedApplicationsCommand(DateOnly On) : IRequest<int>;
