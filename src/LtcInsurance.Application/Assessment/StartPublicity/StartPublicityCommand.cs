using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.StartPublicity;

/// <summary>
/// Publicises (公示) a concluded first assessment from <see cref="StartOn"/> for the tenant's period (<c>publicityDays</c>,
/// counted as <c>publicityDayCounting</c> says, on the working calendar): refused with <c>parameter_missing</c> while the
/// tenant has not set them, for a 复评 conclusion (final) and when the conclusion is already publicised.
/// </summary>
[RequiresRole(Roles.Clerk)]
public sealed record StartPublicityCommand(Guid ApplicationId, DateOnly StartOn) : IRequest<PublicityStarted>;

/// <param name="Counting">calendar_days or working_days.</param>
public sealed record PublicityStarted(DateOnly From, DateOnly To, int Days, string Counting, string Message);
