using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Calendar.ListCalendarChanges;

/// <summary>Who changed the tenant's working calendar for days of <paramref name="Year"/>, and when: newest first.</summary>
[RequiresRole(Roles.Admin, Roles.Auditor)]
public sealed record ListCalendarChangesQuery(int? Year) : IRequest<IReadOnlyList<CalendarChangeView>>;
