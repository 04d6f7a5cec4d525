using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;

namespace LtcInsurance.Application.Contributions.ListReceivables;

internal sealed class ListReceivablesHandler(ILtcDbContext db) : IRequestHandler<ListReceivablesQuery, IReadOnlyList<Receivable>>
{
    public async Task<IReadOnlyList<Receivable>> Handle(ListReceivablesQuery request, CancellationToken cancellationToken)
    {
        var rows = await Receivables.LoadAsync(db, Blank(request.Period), Blank(request.Payer), cancellationToken);
        return request.OutstandingOnly ? [.. rows.Where(r => r.Outstanding > 0)] : rows;
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
