using LtcInsurance.Application.Claims.WithdrawClaim;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Claims.SecondReview;

internal sealed class SecondReviewHandler(ILtcDbContext db, IPolicyEngine engine, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<SecondReviewCommand, ClaimStep>
{
    public Task<ClaimStep> Handle(SecondReviewCommand request, CancellationToken cancellationToken) =>
        ClaimReview.RunAsync(db, engine, user, clock, request.ClaimId, Domain.Claims.ClaimStatus.FirstReviewed, request.Adjustments, request.Decision,
            request.ReturnCodes, request.Reason, (claim, by, at, note) => claim.PassSecondReview(by, at, note), cancellationToken);
}
