using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Import.StartRegisterImport;

/// <summary>
/// Bulk import of the insured register of the current tenant (参保登记批量导入): <paramref name="File"/> ("csv" or
/// "xlsx" by <paramref name="FileName"/>'s extension) is read row by row, each row checked and staged, then the valid
/// rows applied in one transaction. Importing the same file again changes nothing. Answers the finished job (completed,
/// or failed with the reason); refused rows are in its error report.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record StartRegisterImportCommand(Stream File, string FileName) : IRequest<ImportJobView>;
