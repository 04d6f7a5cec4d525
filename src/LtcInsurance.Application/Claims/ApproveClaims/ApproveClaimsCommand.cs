using LtcInsurance.Application.Claims.WithdrawClaim;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.ApproveClaims;

/// <summary>
/// 审定 of many claims at once (a month's claims after 复核): the same decision as <c>ApproveClaimCommand</c> for each
/// claim, in the order of the claims' ids (the approval order that later settlements read), with the same beneficiary
/// locks, the same two-approver rule and one payable entry per claim; but the lines are read set-based, settled by the
/// engine's bulk path (<c>SettlementSession</c>, parameters resolved once per tenant and month) with a compact trace,
/// written by binary COPY, and the entries are posted with one <c>PostBatchAsync</c> per transaction. Claims are taken in
/// transactions of at most about 1,000 beneficiaries (the advisory locks live in the server's shared lock table).
/// Every claim must wait for 审定; otherwise nothing is done.
/// </summary>
[RequiresRole(Roles.Clerk)]
public sealed record ApproveClaimsCommand(IReadOnlyList<Guid> ClaimIds) : IRequest<ApproveClaimsResult>;

/// <summary>Each claim's step (in the order approved), the lines settled and the ledger entries posted.</summary>
public sealed record ApproveClaimsResult(IReadOnlyList<ClaimStep> Steps, int LinesSettled, int EntriesPosted);
