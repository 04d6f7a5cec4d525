using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Claims.FirstReviewClaims;

internal sealed class FirstReviewClaimsHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<FirstReviewClaimsCommand, ReviewClaimsResult>
{
    public Task<ReviewClaimsResult> Handle(FirstReviewClaimsCommand request, CancellationToken cancellationToken) =>
        ClaimBulkReview.PassAsync(db, user, clock, request.ClaimIds, second: false, request.Note, cancellationToken);
}
