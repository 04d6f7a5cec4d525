using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Jobs.ListJobs;

/// <summary>The current tenant's latest <paramref name="Take"/> jobs (of <paramref name="Kind"/> when given), newest first.</summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record ListJobsQuery(string? Kind = null, int Take = 20) : IRequest<IReadOnlyList<JobView>>
{
    public const int MaxTake = 200;
}
