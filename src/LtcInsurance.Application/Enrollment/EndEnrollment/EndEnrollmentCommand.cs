using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Enrollment.EndEnrollment;

/// <summary>Closes the open enrollment of the person on <see cref="LastDay"/> (停保), the last insured day.</summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record EndEnrollmentCommand(PersonId PersonId, DateOnly LastDay) : IRequest<EnrollmentEnded>;

/// <summary>The period that was closed.</summary>
public sealed record EnrollmentEnded(Guid EnrollmentId, DateOnly StartDate, DateOnly EndDate);
