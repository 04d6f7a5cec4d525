using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Domain.Policies;

namespace LtcInsurance.Application.Claims.GetApprovalThreshold;

internal sealed class GetApprovalThresholdHandler(ILtcDbContext db, IPolicyEngine engine, TimeProvider clock)
    : IRequestHandler<GetApprovalThresholdQuery, ApprovalThreshold>
{
    public async Task<ApprovalThreshold> Handle(GetApprovalThresholdQuery request, CancellationToken cancellationToken)
    {
        var threshold = await ClaimLookup.ParameterOrNullAsync(engine, ClaimLookup.Tenant(db), CommonParameters.ClaimSecondApprovalAbove,
            ClaimLookup.Today(clock), cancellationToken);
        return new ApprovalThreshold(CommonParameters.ClaimSecondApprovalAbove, threshold?.Number, threshold?.Clause);
    }
}
