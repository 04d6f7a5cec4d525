using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Import.WriteImportChangeReport;

/// <summary>
/// Writes the import's change report to <see cref="Output"/>: CSV (UTF-8 with BOM)
/// <c>姓名,身份证号码,项目,变更前,变更后,说明</c>, one line per change (<see cref="GetImportChanges.GetImportChangesQuery"/>).
/// Answers the number of changes.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record WriteImportChangeReportQuery(Guid JobId, Stream Output) : IRequest<int>;
