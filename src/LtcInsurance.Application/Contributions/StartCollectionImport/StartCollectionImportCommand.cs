using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Contributions.StartCollectionImport;

/// <summary>
/// Imports a tax-bureau collection file (税务征收明细, CSV or XLSX by <paramref name="FileName"/>'s extension; columns
/// 收款凭证号, 身份证号码, 期间, 金额, optionally 缴费日期) as receipts of people's own contributions: the file is stored
/// with a background job (<see cref="Jobs.JobKinds.CollectionImport"/>, the same id as the import), answered at once;
/// the job records every valid row in one transaction and reports the others row by row. Importing the same file again
/// writes nothing (receipts are unique by reference).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record StartCollectionImportCommand(Stream File, string FileName) : IRequest<CollectionImportView>;
