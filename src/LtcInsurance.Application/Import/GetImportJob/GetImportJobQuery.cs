using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Import.GetImportJob;

/// <summary>One import job of the current tenant with its progress counts; null when there is no such job.</summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record GetImportJobQuery(Guid JobId) : IRequest<ImportJobView?>;
