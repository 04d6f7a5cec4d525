using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Jobs.ResumeJob;

/// <summary>
/// Queues a failed or cancelled job of the current tenant again. The work is idempotent (a billing run keeps the bills
/// already written, an import stages its stored file again and applies it once), so it continues where it stopped.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record ResumeJobCommand(Guid JobId) : IRequest<JobView>;
