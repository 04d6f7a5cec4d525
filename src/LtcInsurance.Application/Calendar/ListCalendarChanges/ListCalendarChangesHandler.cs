using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Calendar.ListCalendarChanges;

internal sealed class ListCalendarChangesHandler(ILtcDbContext db)
    : IRequestHandler<ListCalendarChangesQuery, IReadOnlyList<CalendarChangeView>>
{
    public async Task<IReadOnlyList<CalendarChangeView>> Handle(ListCalendarChangesQuery request, CancellationToken cancellationToken)
    {
        var first = new DateOnly(request.Year!.Value, 1, 1);
        var last = new DateOnly(request.Year.Value, 12, 31);
        return await db.Set<CalendarChange>().AsNoTracking().Where(c => c.Day >= first && c.Day <= last)
            .OrderByDescending(c => c.ActedAt).ThenBy(c => c.Day).Take(500)
            .Select(c => new CalendarChangeView(c.Day, c.Action, c.Kind, c.Name, c.ActedBy, c.ActedAt))
            .ToListAsync(cancellationToken);
    }
}
