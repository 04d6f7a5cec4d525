using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Supervision.ListFlags;

internal sealed class ListFlagsHandler(ILtcDbContext db) : IRequestHandler<ListFlagsQuery, Page<FlagRow>>
{
    public async Task<Page<FlagRow>> Handle(ListFlagsQuery request, CancellationToken cancellationToken)
    {
        var flags = FlagQueries.Filtered(db, request.Filter);
        var total = await flags.CountAsync(cancellationToken);
        var rows = await FlagQueries.Rows(db, flags).Skip(request.Skip).Take(request.Take).ToListAsync(cancellationToken);
        return new Page<FlagRow>([.. rows.Select(FlagQueries.Named)], total, request.Skip, request.Take);
    }
}
