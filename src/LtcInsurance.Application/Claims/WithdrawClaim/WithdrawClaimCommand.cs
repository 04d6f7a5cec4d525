using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.WithdrawClaim;

/// <summary>
/// The provider withdraws its submitted claim before the window closes (then it may submit the month again); after the
/// close the claim is frozen and the withdrawal refused. Only a claim not yet reviewed (已申报) can be withdrawn.
/// </summary>
[RequiresRole(Roles.Institution, Roles.Clerk)]
public sealed record WithdrawClaimCommand(Guid ClaimId, string? Reason) : IRequest<ClaimStep>;

/// <summary>Where a claim is after a step.</summary>
/// <param name="Version">The claim's concurrency version after the step.</param>
public sealed record ClaimStep(Guid ClaimId, string Status, decimal Fund, int Version, long? JournalSequence = null);
