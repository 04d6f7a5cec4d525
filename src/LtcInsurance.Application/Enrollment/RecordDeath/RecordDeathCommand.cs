using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Enrollment.RecordDeath;

/// <summary>
/// Registers a death (死亡登记) and ends the person's insurance with that day: every enrollment running past it ends
/// on it. A death already registered is kept as it was; the enrollments are still ended.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record RecordDeathCommand(PersonId PersonId, DateOnly DateOfDeath) : IRequest<DeathRecorded>;

/// <param name="AlreadyRecorded">A death was on record before; it was not changed.</param>
/// <param name="EnrollmentsEnded">How many enrollment periods now end with the death.</param>
public sealed record DeathRecorded(PersonId PersonId, bool AlreadyRecorded, int EnrollmentsEnded);
