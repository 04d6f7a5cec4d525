using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Calendar.SetCalendarDay;

/// <summary>
/// The city's admin marks a day of the working calendar as a public holiday (<c>holiday</c>, e.g. 国庆节) or as a 调休
/// make-up working day on a weekend (<c>workday</c>, e.g. 国庆节调休). A day already marked is changed. Recorded with who
/// and when (<c>calendar_changes</c>).
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record SetCalendarDayCommand(DateOnly? Day, string? Kind, string? Name) : IRequest<CalendarDayView>;
