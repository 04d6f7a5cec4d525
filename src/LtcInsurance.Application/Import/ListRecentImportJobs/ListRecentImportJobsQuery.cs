using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Import.ListRecentImportJobs;

/// <summary>The current tenant's latest <paramref name="Take"/> import jobs, newest first.</summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record ListRecentImportJobsQuery(int Take = 10) : IRequest<IReadOnlyList<ImportJobView>>
{
    public const int MaxTake = 100;
}
