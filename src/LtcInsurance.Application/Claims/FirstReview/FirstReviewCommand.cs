using LtcInsurance.Application.Claims.WithdrawClaim;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.FirstReview;

/// <summary>
/// 费用初审 by a clerk: optional cuts of lines (each with a reason; the claim is settled again), then pass the claim to
/// 复核 or return it to the provider with codes from the catalogue. Recorded with who and when.
/// </summary>
/// <param name="Decision">One of <see cref="ReviewDecisions"/>.</param>
[RequiresRole(Roles.Clerk)]
public sealed record FirstReviewCommand(Guid ClaimId, string Decision, IReadOnlyList<LineAdjustment>? Adjustments = null,
    IReadOnlyList<string>? ReturnCodes = null, string? Reason = null) : IRequest<ClaimStep>;
