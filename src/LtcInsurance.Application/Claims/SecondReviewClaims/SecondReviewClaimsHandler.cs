using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Claims.SecondReviewClaims;

internal sealed class SecondReviewClaimsHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<SecondReviewClaimsCommand, ReviewClaimsResult>
{
    public Task<ReviewClaimsResult> Handle(SecondReviewClaimsCommand request, CancellationToken cancellationToken) =>
        ClaimBulkReview.PassAsync(db, user, clock, request.ClaimIds, second: true, request.Note, cancellationToken);
}
