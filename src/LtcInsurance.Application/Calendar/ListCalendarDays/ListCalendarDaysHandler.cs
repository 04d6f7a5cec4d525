using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Calendar.ListCalendarDays;

internal sealed class ListCalendarDaysHandler(ILtcDbContext db) : IRequestHandler<ListCalendarDaysQuery, IReadOnlyList<CalendarDayView>>
{
    public async Task<IReadOnlyList<CalendarDayView>> Handle(ListCalendarDaysQuery request, CancellationToken cancellationToken)
    {
        var first = new DateOnly(request.Year!.Value, 1, 1);
        var last = new DateOnly(request.Year.Value, 12, 31);
        var rows = await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Day >= first && d.Day <= last).OrderBy(d => d.Day)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(CalendarDayView.Of)];
    }
}
