using System.Globalization;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Ledger.Export;

namespace LtcInsurance.Application.Ledger.ExportIncomeAndExpenditure;

internal sealed class ExportIncomeAndExpenditureHandler(ILtcDbContext db, ITableFileWriter files, TimeProvider clock)
    : IRequestHandler<ExportIncomeAndExpenditureQuery, ExportedFile>
{
    public async Task<ExportedFile> Handle(ExportIncomeAndExpenditureQuery request, CancellationToken cancellationToken)
    {
        var year = request.Year ?? await db.DefaultYearAsync(clock, cancellationToken);
        var months = await db.IncomeAndExpenditureAsync(year, byMonth: true, cancellationToken);
        var total = (await db.IncomeAndExpenditureAsync(year, byMonth: false, cancellationToken))[0];
        return await files.WriteAsync($"收支情况表_{year.ToString(CultureInfo.InvariantCulture)}",
            LedgerTables.IncomeAndExpenditure(months, total), request.Format, cancellationToken);
    }
}
