using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Enrollment.SetGuardian;

/// <summary>
/// Records the insured guardian a minor follows from <see cref="Since"/> (YL 二(三)6), replacing the minor's current
/// guardian if there is one.
/// </summary>
/// <param name="Relationship">As recorded: 父亲, 母亲, 祖父母, 其他监护人.</param>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record SetGuardianCommand(PersonId MinorId, PersonId GuardianId, string Relationship, DateOnly Since)
    : IRequest<GuardianSet>;

/// <param name="Replaced">The minor had a guardian before; the link now names the new one.</param>
public sealed record GuardianSet(PersonId MinorId, PersonId GuardianId, bool Replaced);
