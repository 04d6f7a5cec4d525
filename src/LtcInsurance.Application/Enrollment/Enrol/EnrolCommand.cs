using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Enrollment.Enrol;

/// <summary>
/// Enrolls a person of the register from <see cref="StartDate"/> (参保登记), under the scheme the tenant's eligibility
/// rule decides. Refused by a register rule (already enrolled, deceased): <c>BusinessRuleViolationException</c>.
/// </summary>
/// <param name="FlexibleChoice">The scheme a flexible worker chose (YL 二(三)3), if any.</param>
/// <param name="MonthlyBase">Wage or pension base where the city charges a rate (YL 二(三)1-3).</param>
/// <param name="GuardianId">
/// For a minor: the insured guardian they follow from <see cref="StartDate"/> (YL 二(三)6), recorded with the enrolment
/// (and only if it is accepted). Without one the guardian already on record counts; none: not insured through a guardian.
/// </param>
/// <param name="GuardianRelationship">Relationship to the guardian (父亲, 母亲, 祖父母, 其他监护人); required with a guardian.</param>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record EnrolCommand(PersonId PersonId, DateOnly StartDate, string? FlexibleChoice = null, decimal? MonthlyBase = null,
    PersonId? GuardianId = null, string? GuardianRelationship = null)
    : IRequest<EnrollmentDecision>;

/// <summary>
/// The outcome: enrolled under <see cref="Scheme"/>, or refused with the engine's reason code, the clause it applied
/// and a Chinese explanation for the clerk.
/// </summary>
public sealed record EnrollmentDecision(bool Enrolled, Guid? EnrollmentId, string? Scheme, string Reason, string Clause, string Message);
