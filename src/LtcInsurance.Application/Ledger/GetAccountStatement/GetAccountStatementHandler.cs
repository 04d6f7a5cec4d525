using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Ledger.Reports;

namespace LtcInsurance.Application.Ledger.GetAccountStatement;

internal sealed class GetAccountStatementHandler(ILtcDbContext db) : IRequestHandler<GetAccountStatementQuery, AccountStatement?>
{
    public Task<AccountStatement?> Handle(GetAccountStatementQuery request, CancellationToken cancellationToken) =>
        db.StatementAsync(request.AccountCode, request.From, request.To, cancellationToken);
}
