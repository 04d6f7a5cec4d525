using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Import.StartRegisterImport;

/// <summary>
/// Bulk import of the insured register of the current tenant (参保登记批量导入): <paramref name="File"/> ("csv" or
/// "xlsx" by <paramref name="FileName"/>'s extension) is stored in the database with a background job
/// (<see cref="Jobs.JobKinds.RegisterImport"/>, the same id as the import) and the queued import is answered at once.
/// A worker then stages and applies the rows in batches (<see cref="RunRegisterImport.RunRegisterImportCommand"/>);
/// the job's progress, cancel and resume are the jobs' use cases. Importing the same file again changes nothing.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record StartRegisterImportCommand(Stream File, string FileName) : IRequest<ImportJobView>;
