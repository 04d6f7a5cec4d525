using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Import.RunRegisterImport;

/// <summary>
/// Runs a queued register import from the file stored with its job: a job not yet staged (or staged only in part, its
/// worker having died) stages the rows after the last committed batch, a staged or applying one applies the batches
/// after its apply mark, a completed one is answered as it is. The background job <see cref="RegisterImportJob"/>
/// sends it; answers the import as it ended (completed, or failed with the reason).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record RunRegisterImportCommand(Guid ImportId) : IRequest<ImportJobView>;
