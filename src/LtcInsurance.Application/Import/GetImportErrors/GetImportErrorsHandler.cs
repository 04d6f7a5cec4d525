using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Import.GetImportErrors;

internal sealed class GetImportErrorsHandler(ILtcDbContext db) : IRequestHandler<GetImportErrorsQuery, IReadOnlyList<ImportError>>
{
    public Task<IReadOnlyList<ImportError>> Handle(GetImportErrorsQuery request, CancellationToken cancellationToken) =>
        ErrorsAsync(db, request.JobId, cancellationToken);

    internal static async Task<IReadOnlyList<ImportError>> ErrorsAsync(ILtcDbContext db, Guid jobId, CancellationToken cancellationToken)
    {
        var rows = await db.ImportRows.AsNoTracking()
            .Where(r => r.JobId == jobId && r.ErrorMessages.Length > 0)
            .OrderBy(r => r.RowNumber)
            .Select(r => new { r.RowNumber, r.ErrorColumns, r.ErrorMessages })
            .ToListAsync(cancellationToken);
        return [.. rows.SelectMany(r => r.ErrorColumns.Zip(r.ErrorMessages, (c, m) => new ImportError(r.RowNumber, c, m)))];
    }
}
