using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.ConfirmConclusion;

/// <summary>
/// The signed-in expert confirms an on-site assessment's conclusion on <see cref="On"/>. The second confirmation, by another
/// expert signed in as another user, concludes the application (concluded on that day, with the level and instrument);
/// one expert alone is refused. A first conclusion is then publicised (公示) from its day for the tenant's period when the
/// tenant has set it (else <c>StartPublicity</c> later); a 复评 conclusion is final and not publicised. A conclusion that
/// opens no benefits ends the person's running entitlement (新的评估结论, with its trace). The assessment fee is then posted
/// (as <c>PostAssessmentFee</c> does, once); when it cannot be (fee unset, ceiling) the conclusion still stands and the
/// result says why.
/// </summary>
[RequiresRole(Roles.Assessor)]
public sealed record ConfirmConclusionCommand(Guid AssessmentId, DateOnly On) : IRequest<ConclusionConfirmation>;

/// <param name="Concluded">True when this confirmation was the second and the application is concluded.</param>
/// <param name="PublicityFrom">The publicity's first day when it was started with the conclusion.</param>
/// <param name="FeePosted">Whether the assessment fee is in the books after this confirmation (null before the conclusion).</param>
/// <param name="FeeMessage">What was posted, or why the fee was not posted (then <c>PostAssessmentFee</c> later).</param>
/// <param name="EndedEntitlements">Entitlements this conclusion ended (it opens no benefits).</param>
public sealed record ConclusionConfirmation(bool Concluded, int? Level, string? LevelLabel, DateOnly? ConcludedOn, string Message,
    DateOnly? PublicityFrom = null, DateOnly? PublicityTo = null, bool? FeePosted = null, string? FeeMessage = null,
    IReadOnlyList<Guid>? EndedEntitlements = null);
