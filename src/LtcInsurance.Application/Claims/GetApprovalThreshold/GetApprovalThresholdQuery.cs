using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.GetApprovalThreshold;

/// <summary>
/// The tenant's <c>claimSecondApprovalAbove</c> in force today: above it, 审定 needs a second, different clerk. Null while
/// no admin has set it (审定 is then refused with <c>parameter_missing</c>).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin, Roles.Auditor)]
public sealed record GetApprovalThresholdQuery : IRequest<ApprovalThreshold>;

/// <param name="Parameter">The parameter's name, for the admin who sets it.</param>
public sealed record ApprovalThreshold(string Parameter, decimal? Above, string? Clause);
