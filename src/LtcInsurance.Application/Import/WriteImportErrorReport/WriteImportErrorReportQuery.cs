using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Import.WriteImportErrorReport;

/// <summary>
/// Writes a job's error report to <paramref name="Output"/> as CSV (UTF-8 with BOM so spreadsheet programs show
/// Chinese): 行号,列,错误信息. Answers the number of problems written.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record WriteImportErrorReportQuery(Guid JobId, Stream Output) : IRequest<int>;
