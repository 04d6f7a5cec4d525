using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Jobs.GetJob;

/// <summary>One job of the current tenant (null: no such job here).</summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record GetJobQuery(Guid JobId) : IRequest<JobView?>;
