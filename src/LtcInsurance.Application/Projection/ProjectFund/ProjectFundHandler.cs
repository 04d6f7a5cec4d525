using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;

namespace LtcInsurance.Application.Projection.ProjectFund;

internal sealed class ProjectFundHandler(ILtcDbContext db, IPolicyEngine engine, TimeProvider clock)
    : IRequestHandler<ProjectFundQuery, FundProjection>
{
    public Task<FundProjection> Handle(ProjectFundQuery request, CancellationToken cancellationToken) =>
        FundProjector.ProjectAsync(db, engine, clock, request, cancellationToken);
}
