using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Jobs.CancelJob;

/// <summary>
/// Cancels a queued or running job of the current tenant. A running job stops at its next batch (the worker learns it
/// from its heartbeat); what earlier batches wrote stays, and <see cref="ResumeJob.ResumeJobCommand"/> continues it.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record CancelJobCommand(Guid JobId) : IRequest<JobView>;
