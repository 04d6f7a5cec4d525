using LtcInsurance.Application.Claims.WithdrawClaim;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.ApproveClaim;

/// <summary>
/// 审定 after 复核: settles the claim a last time against everything already final (approval order), then approves it
/// and books the payable (one ledger entry per provider-month claim: benefit expense by mode against 2101, source
/// document the claim). Above the tenant's <c>claimSecondApprovalAbove</c> (no shipped value: refused until set) the
/// first approval is recorded and a second, different clerk completes it. Two clerks approving at once: one wins, the
/// other is refused (<c>claim_changed_concurrently</c>). Approvals of different claims of the same beneficiary are
/// serialised (<see cref="IBeneficiaryLocks"/>): the later one settles against the earlier one's approved lines, so the
/// yearly ceiling holds however many are approved at once.
/// </summary>
[RequiresRole(Roles.Clerk)]
public sealed record ApproveClaimCommand(Guid ClaimId) : IRequest<ClaimStep>;
