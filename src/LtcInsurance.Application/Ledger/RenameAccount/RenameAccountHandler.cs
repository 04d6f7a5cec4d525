using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Ledger.RenameAccount;

internal sealed class RenameAccountHandler(ILtcDbContext db) : IRequestHandler<RenameAccountCommand, ChartChange>
{
    public async Task<ChartChange> Handle(RenameAccountCommand request, CancellationToken cancellationToken)
    {
        var code = request.TrimmedCode;
        var record = await db.LedgerAccounts.SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (record is null)
            return ChartChange.Refused($"科目 {code} 不存在。");
        // Only the name: the database lets the application role update nothing else of an account.
        record.Name = request.TrimmedName;
        await db.SaveChangesAsync(cancellationToken);
        return ChartChange.Done(code);
    }
}
