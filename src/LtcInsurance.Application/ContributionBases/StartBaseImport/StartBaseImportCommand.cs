using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.ContributionBases.StartBaseImport;

/// <summary>
/// Imports a base file (缴费基数导入, CSV or XLSX by <paramref name="FileName"/>'s extension, columns
/// <see cref="BaseFileColumns"/>) of the current tenant as a background job (<see cref="JobKinds.BaseImport"/>): the file
/// is stored with the job and the queued job answered at once; <see cref="RunBaseImport.RunBaseImportCommand"/> does the work.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record StartBaseImportCommand(Stream File, string FileName) : IRequest<JobView>;
