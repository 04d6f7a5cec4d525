using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.ListPaymentBatches;

/// <summary>
/// The 拨付 batches, newest first, one page of them with their claims and the recoveries (过误) each deducted; and every
/// recovery still outstanding (waiting for the provider's next batch), oldest first.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin, Roles.Auditor)]
public sealed record ListPaymentBatchesQuery(int Skip = 0, int Take = 20) : IRequest<PaymentBatchesOverview>;

public sealed record PaymentBatchesOverview(int Total, IReadOnlyList<PaymentBatchSummary> Batches, IReadOnlyList<RecoveryItem> Outstanding);

public sealed record PaymentBatchSummary(Guid Id, string Number, string Status, decimal Gross, decimal Deducted, decimal Net,
    string CreatedBy, DateTimeOffset CreatedAt, DateOnly? PaidOn, string? PaidBy, long? JournalSequence,
    IReadOnlyList<BatchClaim> Claims, IReadOnlyList<RecoveryItem> Recoveries);

/// <summary>A claim in a batch: its number, provider, month and fund amount.</summary>
public sealed record BatchClaim(Guid ClaimId, string Number, string ProviderCode, string ProviderName, string Month, string Status, decimal Fund);

/// <summary>A recovery (过误追回) of one paid line, and the batch that deducted it (null while outstanding).</summary>
public sealed record RecoveryItem(Guid Id, Guid ClaimId, string ClaimNumber, int LineNo, string ProviderCode, string ProviderName, decimal Amount,
    string Reason, string RecordedBy, DateTimeOffset RecordedAt, Guid? DeductedInBatchId);
