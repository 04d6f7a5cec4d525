using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Calendar.SetCalendarDay;

internal sealed class SetCalendarDayHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<SetCalendarDayCommand, CalendarDayView>
{
    public async Task<CalendarDayView> Handle(SetCalendarDayCommand request, CancellationToken cancellationToken)
    {
        var tenant = db.CurrentTenantId ?? throw new ForbiddenAccessException("没有当前城市，无法维护工作日历");
        var day = request.Day!.Value;
        var kind = CalendarRules.ParseKind(request.Kind)!;
        var name = request.Name!.Trim();
        var by = user.Name();
        var at = clock.GetUtcNow();

        var row = await db.Set<CalendarDay>().SingleOrDefaultAsync(d => d.Day == day, cancellationToken);
        if (row is null)
            db.Set<CalendarDay>().Add(row = CalendarDay.Create(tenant, day, kind, name, by, at));
        else
            row.Change(kind, name, by, at);
        db.Set<CalendarChange>().Add(CalendarChange.Of(tenant, day, CalendarChange.Set, kind, name, by, at));
        await db.SaveChangesAsync(cancellationToken);
        return CalendarDayView.Of(row);
    }
}
