using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Calendar.RemoveCalendarDay;

/// <summary>The city's admin removes a day from the working calendar: it follows the week again. Recorded.</summary>
[RequiresRole(Roles.Admin)]
public sealed record RemoveCalendarDayCommand(DateOnly? Day) : IRequest<CalendarChangeView>;
