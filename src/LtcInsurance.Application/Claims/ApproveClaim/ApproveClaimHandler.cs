using LtcInsurance.Application.Claims.WithdrawClaim;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Policies;

namespace LtcInsurance.Application.Claims.ApproveClaim;

internal sealed class ApproveClaimHandler(
    ILtcDbContext db, IPolicyEngine engine, ILedgerPostingService ledger, IBeneficiaryLocks locks, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ApproveClaimCommand, ClaimStep>
{
    public async Task<ClaimStep> Handle(ApproveClaimCommand request, CancellationToken cancellationToken)
    {
        var today = ClaimLookup.Today(clock);
        return await ClaimStepRunner.InTransactionAsync(db, user, clock, async (by, now, ct) =>
        {
            var claim = await ClaimLookup.ClaimAsync(db, request.ClaimId, ct);
            ClaimRule.Check(claim.Status != ClaimStatus.SecondReviewed, ClaimCodes.WrongStatus, ClaimClauses.Handling,
                $"申报{ClaimStatus.ChineseName(claim.Status)}，不在审定环节");
            var threshold = await ClaimLookup.ParameterAsync(engine, claim.TenantId, CommonParameters.ClaimSecondApprovalAbove, today, ct);
            var provider = await ClaimLookup.ProviderAsync(db, claim.InstitutionId, ct);
            // before reading the year-to-date fund: another approval of the same people commits first, and is counted
            await locks.LockAsync([.. claim.Lines.Select(l => l.PersonId).Distinct()], ct);
            var before = claim.Fund;
            await ClaimSettler.SettleAsync(db, engine, claim, provider, now, ct);
            claim.NoteResettled(by, now, before);
            var approved = claim.Approve(threshold.Number, by, now);
            await db.SaveChangesAsync(ct);
            if (!approved)
                return new ClaimStep(claim.Id, claim.Status, claim.Fund, claim.Version);

            var accounts = await ClaimLookup.AccountsAsync(db, ct);
            var draft = ClaimPosting.Payable(claim, provider.Name, provider.RegionCode, today, accounts);
            long? sequence = null;
            if (draft is not null)
            {
                var posting = await ledger.PostAsync(draft, ct);
                if (posting.DiffersFromRequest)
                    throw new InvalidOperationException($"账簿中申报 {claim.Number} 的记账与审定金额不一致 / ledger entry differs from the claim");
                sequence = posting.Entry.Sequence;
                claim.RecordPayable(posting.Entry.Sequence);
                await db.SaveChangesAsync(ct);
            }

            return new ClaimStep(claim.Id, claim.Status, claim.Fund, claim.Version, sequence);
        }, cancellationToken);
    }
}
