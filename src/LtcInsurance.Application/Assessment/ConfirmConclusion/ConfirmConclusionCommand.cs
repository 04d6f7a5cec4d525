using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.ConfirmConclusion;

/// <summary>
/// The signed-in expert confirms an on-site assessment's conclusion on <see cref="On"/>. The second confirmation, by another
/// expert signed in as another user, concludes the application (concluded on that day, with the level and instrument);
/// one expert alone is refused.
/// </summary>
[RequiresRole(Roles.Assessor)]
public sealed record ConfirmConclusionCommand(Guid AssessmentId, DateOnly On) : IRequest<ConclusionConfirmation>;

/// <param name="Concluded">True when this confirmation was the second and the application is concluded.</param>
public sealed record ConclusionConfirmation(bool Concluded, int? Level, string? LevelLabel, DateOnly? ConcludedOn, string Message);
