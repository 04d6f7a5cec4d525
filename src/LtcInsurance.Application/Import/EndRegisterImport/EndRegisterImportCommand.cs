using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Import.EndRegisterImport;

/// <summary>
/// After the import's background job failed or was cancelled: the import is marked failed or cancelled with the job's
/// reason (never left "staging") and its staged rows are deleted; what earlier apply batches wrote stays. Nothing when
/// the import has completed or its job is still queued or running. The job worker sends it when cleaning.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record EndRegisterImportCommand(Guid ImportId) : IRequest<ImportJobView?>;
