using LtcInsurance.Application.Claims.WithdrawClaim;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.SecondReview;

/// <summary>
/// 费用复核 by a clerk other than the one who did 初审 (enforced): optional cuts (each with a reason), then pass to
/// 审定 or return it to the provider with codes from the catalogue. Recorded with who and when.
/// </summary>
/// <param name="Decision">One of <see cref="ReviewDecisions"/>.</param>
[RequiresRole(Roles.Clerk)]
public sealed record SecondReviewCommand(Guid ClaimId, string Decision, IReadOnlyList<LineAdjustment>? Adjustments = null,
    IReadOnlyList<string>? ReturnCodes = null, string? Reason = null) : IRequest<ClaimStep>;
