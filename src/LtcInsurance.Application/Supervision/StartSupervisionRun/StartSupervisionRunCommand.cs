using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Supervision.StartSupervisionRun;

/// <summary>
/// Queues a supervision run as a background job (<see cref="JobKinds.SupervisionRun"/>) for one month or, when
/// <paramref name="Month"/> is null, the recent months; a queued or running job with the same payload is answered instead
/// of a second one. The nightly schedule and <c>ltc supervise run</c> send it.
/// </summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record StartSupervisionRunCommand(string? Month, bool Scheduled = false) : IRequest<JobView>;
