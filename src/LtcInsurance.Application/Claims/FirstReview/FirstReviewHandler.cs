using LtcInsurance.Application.Claims.WithdrawClaim;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Claims.FirstReview;

internal sealed class FirstReviewHandler(ILtcDbContext db, IPolicyEngine engine, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<FirstReviewCommand, ClaimStep>
{
    public Task<ClaimStep> Handle(FirstReviewCommand request, CancellationToken cancellationToken) =>
        ClaimReview.RunAsync(db, engine, user, clock, request.ClaimId, Domain.Claims.ClaimStatus.Submitted, request.Adjustments, request.Decision,
            request.ReturnCodes, request.Reason, (claim, by, at, note) => claim.PassFirstReview(by, at, note), cancellationToken);
}
