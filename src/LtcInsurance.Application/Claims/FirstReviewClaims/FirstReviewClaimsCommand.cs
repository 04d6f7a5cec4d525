using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.FirstReviewClaims;

/// <summary>
/// 费用初审 of many claims at once (a clerk passes a selection of submitted claims to 复核): the same checks as <c>FirstReviewCommand</c>
/// passing each claim without cuts (every claim must be 待初审; otherwise nothing is done), but one set-based update of the
/// claims and one history row per claim, in one transaction. Cuts and returns stay one claim at a time.
/// </summary>
[RequiresRole(Roles.Clerk)]
public sealed record FirstReviewClaimsCommand(IReadOnlyList<Guid> ClaimIds, string? Note = null) : IRequest<ReviewClaimsResult>;
