using LtcInsurance.Application.Claims.ApproveClaims;
using LtcInsurance.Application.Claims.WithdrawClaim;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Ledger;

namespace LtcInsurance.Application.Claims.ApproveClaim;

/// <summary>审定 of one claim is the bulk approval of a selection of one (<see cref="ApproveClaimsHandler"/>): one path, one result.</summary>
internal sealed class ApproveClaimHandler(
    ILtcDbContext db, IPolicyEngine engine, ILedgerPostingService ledger, IBeneficiaryLocks locks, IClaimSettlementWriter writer,
    ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ApproveClaimCommand, ClaimStep>
{
    public async Task<ClaimStep> Handle(ApproveClaimCommand request, CancellationToken cancellationToken)
    {
        var bulk = new ApproveClaimsHandler(db, engine, ledger, locks, writer, user, clock);
        var result = await bulk.Handle(new ApproveClaimsCommand([request.ClaimId]), cancellationToken);
        return result.Steps.Single();
    }
}
