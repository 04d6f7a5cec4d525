using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Claims.WithdrawClaim;

internal sealed class WithdrawClaimHandler(ILtcDbContext db, IPolicyEngine engine, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<WithdrawClaimCommand, ClaimStep>
{
    public async Task<ClaimStep> Handle(WithdrawClaimCommand request, CancellationToken cancellationToken)
    {
        var claim = await ClaimLookup.ClaimAsync(db, request.ClaimId, cancellationToken);
        if (ClaimAccess.OwnProvider(user.User) is not null)
            ClaimAccess.CheckProvider(user.User, (await ClaimLookup.ProviderAsync(db, claim.InstitutionId, cancellationToken)).Code);
        var window = await ClaimLookup.WindowAsync(engine, claim.TenantId, claim.Month, cancellationToken);
        claim.Withdraw(window, ClaimLookup.Today(clock), user.Name(), clock.GetUtcNow(), string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim());
        await ClaimStepRunner.SaveAsync(db, cancellationToken);

        return new ClaimStep(claim.Id, claim.Status, claim.Fund, claim.Version);
    }
}
