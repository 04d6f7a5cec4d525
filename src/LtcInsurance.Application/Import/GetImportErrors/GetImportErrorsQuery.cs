using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Import.GetImportErrors;

/// <summary>The problems of a job's rows, by row then in the order found (empty for an unknown job).</summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record GetImportErrorsQuery(Guid JobId) : IRequest<IReadOnlyList<ImportError>>;
