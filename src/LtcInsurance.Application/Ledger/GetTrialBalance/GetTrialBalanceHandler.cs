using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Ledger.Reports;

namespace LtcInsurance.Application.Ledger.GetTrialBalance;

internal sealed class GetTrialBalanceHandler(ILtcDbContext db) : IRequestHandler<GetTrialBalanceQuery, TrialBalance>
{
    public Task<TrialBalance> Handle(GetTrialBalanceQuery request, CancellationToken cancellationToken) =>
        db.TrialBalanceAsync(request.Through, cancellationToken);
}
