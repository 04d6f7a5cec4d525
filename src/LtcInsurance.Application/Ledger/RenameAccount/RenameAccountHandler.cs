using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Ledger.Records;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Ledger.RenameAccount;

/// <summary>Renames the account and records who renamed it, from which name (<see cref="LedgerAccountChangeRecord"/>), in one save.</summary>
internal sealed class RenameAccountHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RenameAccountCommand, ChartChange>
{
    public async Task<ChartChange> Handle(RenameAccountCommand request, CancellationToken cancellationToken)
    {
        var code = request.TrimmedCode;
        var record = await db.LedgerAccounts.SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (record is null)
            return ChartChange.Refused($"科目 {code} 不存在。");
        // Only the name: the database lets the application role update nothing else of an account.
        var oldName = record.Name;
        record.Name = request.TrimmedName;
        if (oldName == record.Name)
            return ChartChange.Done(code);
        db.Set<LedgerAccountChangeRecord>().Add(new LedgerAccountChangeRecord
        {
            TenantId = record.TenantId, AccountCode = code, Change = LedgerAccountChangeRecord.Renamed, OldName = oldName,
            NewName = record.Name, ChangedBy = user.Name(), ChangedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return ChartChange.Done(code);
    }
}
