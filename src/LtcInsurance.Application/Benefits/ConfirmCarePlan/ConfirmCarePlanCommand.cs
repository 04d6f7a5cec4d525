using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Benefits.ConfirmCarePlan;

/// <summary>
/// Records the day the insured (or their guardian) confirmed a care plan. Before it no service under the plan counts;
/// from it, services on or after that day within the plan and the entitlement do.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Institution)]
public sealed record ConfirmCarePlanCommand(Guid CarePlanId, DateOnly ConfirmedOn) : IRequest<CarePlanConfirmed>;

public sealed record CarePlanConfirmed(Guid CarePlanId, DateOnly ConfirmedOn, string Message);
