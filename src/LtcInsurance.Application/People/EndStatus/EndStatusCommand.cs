using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.People.Changes;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.People.EndStatus;

/// <summary>
/// Ends a person's category (人员类别) with <see cref="LastDay"/>; the city's eligibility rule then decides the enrolment
/// again from the day after (a category can be what made the person insured, e.g. 石狮's special groups).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record EndStatusCommand(PersonId PersonId, Guid StatusId, DateOnly LastDay) : IRequest<RegisterChangeResult>;
