using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.ConfirmConclusion;

/// <summary>
/// The signed-in expert confirms an on-site assessment's conclusion on <see cref="On"/>. The second confirmation, by another
/// expert signed in as another user, concludes the application (concluded on that day, with the level and instrument);
/// one expert alone is refused. A first conclusion is then publicised (公示) from its day for the tenant's period when the
/// tenant has set it (else <c>StartPublicity</c> later); a 复评 conclusion is final and not publicised.
/// </summary>
[RequiresRole(Roles.Assessor)]
public sealed record ConfirmConclusionCommand(Guid AssessmentId, DateOnly On) : IRequest<ConclusionConfirmation>;

/// <param name="Concluded">True when this confirmation was the second and the application is concluded.</param>
/// <param name="PublicityFrom">The publicity's first day when it was started with the conclusion.</param>
public sealed record ConclusionConfirmation(bool Concluded, int? Level, string? LevelLabel, DateOnly? ConcludedOn, string Message,
    DateOnly? PublicityFrom = null, DateOnly? PublicityTo = null);
