using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Contributions.StartBillingRun;

/// <summary>
/// Queues the billing run of <paramref name="Period"/> as a background job of the current tenant and answers the job
/// (the billing page then shows its progress). A period in the wrong unit is refused here, before anything is queued
/// (<see cref="BillingRefusedException"/>); a run of the same period already queued or running is answered instead of a
/// second one.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record StartBillingRunCommand(string Period) : IRequest<JobView>;
