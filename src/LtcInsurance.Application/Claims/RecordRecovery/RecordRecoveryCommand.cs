using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.RecordRecovery;

/// <summary>
/// 过误追回: withdraws the fund amount of one line of a paid claim, with a reason. Books the reversal of that line's
/// expense (debit 2101, credit 5101.xx: the provider owes it back) and records a recovery that the provider's next
/// payment batch deducts. Once per line.
/// </summary>
[RequiresRole(Roles.Clerk)]
public sealed record RecordRecoveryCommand(Guid ClaimId, int LineNo, string Reason) : IRequest<RecoveryRecorded>;

public sealed record RecoveryRecorded(Guid RecoveryId, Guid ClaimId, int LineNo, decimal Amount, long JournalSequence);
