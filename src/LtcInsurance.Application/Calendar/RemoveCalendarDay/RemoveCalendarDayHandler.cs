using System.Globalization;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Calendar.RemoveCalendarDay;

internal sealed class RemoveCalendarDayHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RemoveCalendarDayCommand, CalendarChangeView>
{
    public async Task<CalendarChangeView> Handle(RemoveCalendarDayCommand request, CancellationToken cancellationToken)
    {
        var tenant = db.CurrentTenantId ?? throw new ForbiddenAccessException("没有当前城市，无法维护工作日历");
        var day = request.Day!.Value;
        var row = await db.Set<CalendarDay>().SingleOrDefaultAsync(d => d.Day == day, cancellationToken)
            ?? throw new RequestValidationException([new ValidationProblem(nameof(request.Day),
                $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 不在本市工作日历中（既非放假日也非调休上班日），无需删除")]);
        var change = CalendarChange.Of(tenant, day, CalendarChange.Remove, null, row.Name, user.Name(), clock.GetUtcNow());
        db.Set<CalendarDay>().Remove(row);
        db.Set<CalendarChange>().Add(change);
        await db.SaveChangesAsync(cancellationToken);
        return new CalendarChangeView(change.Day, change.Action, change.Kind, change.Name, change.ActedBy, change.ActedAt);
    }
}
