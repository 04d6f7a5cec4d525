using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.People.Changes;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Application.People.ChangeInsuranceType;

/// <summary>
/// Records a person's medical insurance type (医保类型) and working status (就业状态) as they are from
/// <see cref="EffectiveDate"/>, then lets the city's eligibility rule decide the enrolment again from that day: the same
/// scheme leaves it; another scheme closes the old enrolment the day before and opens the new one; a refusal closes it
/// and the answer carries the reason and clause (<see cref="RegisterChangeResult.Enrolment"/>).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record ChangeInsuranceTypeCommand(PersonId PersonId, MedicalInsuranceScheme MedicalInsurance, EmploymentStatus Employment,
    DateOnly EffectiveDate) : IRequest<RegisterChangeResult>;
