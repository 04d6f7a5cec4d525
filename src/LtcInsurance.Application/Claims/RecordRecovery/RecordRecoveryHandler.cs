using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain.Claims;

namespace LtcInsurance.Application.Claims.RecordRecovery;

internal sealed class RecordRecoveryHandler(ILtcDbContext db, ILedgerPostingService ledger, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RecordRecoveryCommand, RecoveryRecorded>
{
    public async Task<RecoveryRecorded> Handle(RecordRecoveryCommand request, CancellationToken cancellationToken)
    {
        var today = ClaimLookup.Today(clock);
        return await ClaimStepRunner.InTransactionAsync(db, user, clock, async (by, now, ct) =>
        {
            var claim = await ClaimLookup.ClaimAsync(db, request.ClaimId, ct);
            var line = claim.RecoverLine(request.LineNo, request.Reason, by, now);
            var recovery = new ClaimRecovery
            {
                TenantId = claim.TenantId, ClaimId = claim.Id, ClaimLineId = line.Id, InstitutionId = claim.InstitutionId,
                Amount = line.Fund, Reason = request.Reason.Trim(), RecordedBy = by, RecordedAt = now,
            };
            db.Set<ClaimRecovery>().Add(recovery);
            await db.SaveChangesAsync(ct);

            var provider = await ClaimLookup.ProviderAsync(db, claim.InstitutionId, ct);
            var posting = await ledger.PostAsync(
                ClaimPosting.Recovery(claim, line, recovery, provider.RegionCode, today, await ClaimLookup.AccountsAsync(db, ct)), ct);
            recovery.JournalSequence = posting.Entry.Sequence;
            await db.SaveChangesAsync(ct);
            return new RecoveryRecorded(recovery.Id, claim.Id, line.LineNo, recovery.Amount, posting.Entry.Sequence);
        }, cancellationToken);
    }
}
