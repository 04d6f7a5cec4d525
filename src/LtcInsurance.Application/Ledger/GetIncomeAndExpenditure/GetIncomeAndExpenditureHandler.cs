using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;

namespace LtcInsurance.Application.Ledger.GetIncomeAndExpenditure;

internal sealed class GetIncomeAndExpenditureHandler(ILtcDbContext db, TimeProvider clock)
    : IRequestHandler<GetIncomeAndExpenditureQuery, IncomeAndExpenditureReport>
{
    public async Task<IncomeAndExpenditureReport> Handle(GetIncomeAndExpenditureQuery request, CancellationToken cancellationToken)
    {
        var year = request.Year ?? await db.DefaultYearAsync(clock, cancellationToken);
        var months = await db.IncomeAndExpenditureAsync(year, byMonth: true, cancellationToken);
        var total = (await db.IncomeAndExpenditureAsync(year, byMonth: false, cancellationToken))[0];
        return new IncomeAndExpenditureReport(year, months, total);
    }
}
