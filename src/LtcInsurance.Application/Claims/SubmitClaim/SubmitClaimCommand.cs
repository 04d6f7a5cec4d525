using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Claims;

namespace LtcInsurance.Application.Claims.SubmitClaim;

/// <summary>
/// 结算申报: a provider's claim for one service month. All or nothing: every line is checked against every rule
/// (<see cref="ClaimValidation"/>) and when any problem refuses the claim, nothing is stored and the answer lists every
/// problem with its line number and return code. Otherwise the claim is stored with its lines, settled by the engine and
/// recorded (who, when). Idempotent by <see cref="ClientKey"/> per provider: the same key with the same content answers
/// the stored claim; with other content it is refused. The window must be open (1st of M+1 to the tenant's closing
/// day) and the provider must have no standing claim for the month (withdraw first); a month whose claim the reviewers
/// returned may be resubmitted after the close.
/// </summary>
/// <param name="ProviderCode">The institution's agreement code (an institution user may only claim as its own).</param>
/// <param name="Month">Service month, <c>YYYY-MM</c>.</param>
/// <param name="ClientKey">Idempotency key chosen by the client (API Idempotency-Key, upload hash, form id), ≤ 100 characters.</param>
[RequiresRole(Roles.Institution, Roles.Clerk)]
public sealed record SubmitClaimCommand(string ProviderCode, string Month, IReadOnlyList<ClaimLineInput> Lines, string ClientKey)
    : IRequest<ClaimSubmission>;

/// <param name="Accepted">False: refused, nothing stored; <see cref="Problems"/> says why, line by line.</param>
/// <param name="AlreadySubmitted">The key was used before with the same content: the stored claim is answered.</param>
/// <param name="Problems">Every problem: refusals (when not accepted) and cuts (lines kept, not paid by the fund).</param>
public sealed record ClaimSubmission(bool Accepted, Guid? ClaimId, string? Number, bool AlreadySubmitted, IReadOnlyList<ClaimProblem> Problems,
    decimal Billed, decimal Fund, decimal Individual);
