using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims.GetClaim;

internal sealed class GetClaimHandler(ILtcDbContext db, IPolicyEngine engine, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<GetClaimQuery, ClaimView>
{
    public async Task<ClaimView> Handle(GetClaimQuery request, CancellationToken cancellationToken)
    {
        var claim = await db.Set<Claim>().AsNoTracking().Include(c => c.Lines).Include(c => c.Settlements).Include(c => c.Events)
            .SingleOrDefaultAsync(c => c.Id == request.ClaimId, cancellationToken);
        ClaimRule.Check(claim is null, ClaimCodes.NotFound, ClaimClauses.Handling, "未找到该结算申报");
        var provider = await ClaimLookup.ProviderAsync(db, claim!.InstitutionId, cancellationToken);
        var own = ClaimAccess.OwnProvider(user.User);
        // the claim exists in the caller's tenant (row-level security hides other tenants'), so saying so leaks nothing
        if (own is not null && own != provider.Code)
            throw new ForbiddenAccessException("护理机构只能查看本机构的结算申报");
        var closeDay = await ClaimLookup.ParameterOrNullAsync(engine, claim.TenantId, CommonParameters.ClaimWindowCloseDay, claim.ServiceMonth, cancellationToken);
        var window = closeDay is { Value: decimal d } && d is >= 1 and <= ClaimWindow.LatestCloseDay ? new ClaimWindow(claim.Month, (int)d) : null;
        var lines = await ClaimViews.LinesAsync(db, claim.Lines, claim.Settlements, cancellationToken);
        return new ClaimView(
            claim.Id, claim.Number, provider.Code, provider.Name, claim.Month.ToString(), claim.Status, ClaimStatus.ChineseName(claim.Status),
            claim.Billed, claim.Fund, claim.Individual, claim.Sampled, claim.Version,
            claim.SubmittedBy, claim.SubmittedAt, claim.FirstReviewedBy, claim.FirstReviewedAt, claim.SecondReviewedBy, claim.SecondReviewedAt,
            claim.FirstApprovedBy, claim.ApprovedBy, claim.ApprovedAt, claim.PayableSequence, claim.PaymentBatchId, claim.PaidAt,
            window?.Closes, window?.IsFrozenOn(ClaimLookup.Today(clock)) ?? false,
            [.. claim.ReturnCodes.Where(ClaimReturnCodes.IsKnown).Select(c => ClaimViews.Code(ClaimReturnCodes.Get(c)))],
            lines,
            [.. claim.Settlements.OrderBy(s => s.PersonId).Select(s => new ClaimSettlementView(s.PersonId, s.ServiceMode, s.YearToDateBefore,
                s.EarlierInMonth, s.Billed, s.Fund, s.Individual, s.Reductions, s.Trace))],
            [.. claim.Events.OrderBy(e => e.Ordinal).Select(e => new ClaimEventView(e.Action, e.FromStatus, e.ToStatus, e.RecordedBy, e.RecordedAt, e.Reason))]);
    }
}
