using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.SecondReviewClaims;

/// <summary>
/// 费用复核 of many claims at once (a clerk passes a selection of first-reviewed claims to 审定): the same checks as
/// <c>SecondReviewCommand</c> passing each claim without cuts (every claim must be 待复核 and none first-reviewed by this clerk,
/// separation of duties; otherwise nothing is done), but one set-based update of the claims and one history row per claim, in
/// one transaction. Cuts and returns stay one claim at a time.
/// </summary>
[RequiresRole(Roles.Clerk)]
public sealed record SecondReviewClaimsCommand(IReadOnlyList<Guid> ClaimIds, string? Note = null) : IRequest<ReviewClaimsResult>;
