using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.People.Changes;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.People.ChangeRegion;

/// <summary>
/// Moves a person to another region of the city's area (所在地区) from <see cref="EffectiveDate"/>. Where the city
/// covers only some counties, the eligibility rule decides the enrolment again from that day (<see cref="EnrolmentReviewOutcome"/>).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record ChangeRegionCommand(PersonId PersonId, string RegionCode, DateOnly EffectiveDate) : IRequest<RegisterChangeResult>;
