using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Import.ResumeRegisterImport;

/// <summary>
/// Continues a job after a crash or restart: a job still staging is staged again from <paramref name="Reopen"/> (its
/// partial rows were never committed), a staged or interrupted applying job is applied (again), a finished job is
/// answered as it is.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record ResumeRegisterImportCommand(Guid JobId, Func<Stream>? Reopen = null) : IRequest<ImportJobView>;
