using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Auditing.SearchAuditEvents;

internal sealed class SearchAuditEventsHandler(ILtcDbContext db) : IRequestHandler<SearchAuditEventsQuery, Page<AuditEventView>>
{
    public async Task<Page<AuditEventView>> Handle(SearchAuditEventsQuery request, CancellationToken cancellationToken)
    {
        var events = request.Filter.Apply(db.Set<AuditEvent>().AsNoTracking());
        var total = await events.CountAsync(cancellationToken);
        var rows = await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(request.Skip).Take(request.Take).ToListAsync(cancellationToken);
        return new Page<AuditEventView>([.. rows.Select(AuditEventView.Of)], total, request.Skip, request.Take);
    }
}
