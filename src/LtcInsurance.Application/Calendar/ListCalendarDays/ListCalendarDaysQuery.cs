using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Calendar.ListCalendarDays;

/// <summary>The exception days of the tenant's working calendar in <paramref name="Year"/>, by date.</summary>
[RequiresRole(Roles.Admin, Roles.Clerk, Roles.Assessor, Roles.Auditor, Roles.Institution)]
public sealed record ListCalendarDaysQuery(int? Year) : IRequest<IReadOnlyList<CalendarDayView>>;
