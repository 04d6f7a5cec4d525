using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.CreatePaymentBatch;

/// <summary>
/// Gathers the approved, unpaid claims (of one service month, or all) into a 拨付 batch, with each provider's
/// outstanding recoveries (过误) deducted from its part, oldest first, as far as its part covers them (the rest waits for
/// its next payment). Refused when no claim is waiting.
/// </summary>
/// <param name="Month">Service month <c>YYYY-MM</c>; null: every month.</param>
[RequiresRole(Roles.Clerk)]
public sealed record CreatePaymentBatchCommand(string? Month = null) : IRequest<PaymentBatchView>;

/// <summary>A batch with one part per provider.</summary>
public sealed record PaymentBatchView(Guid Id, string Number, string Status, decimal Gross, decimal Deducted, decimal Net,
    IReadOnlyList<PaymentBatchPart> Parts, long? JournalSequence);

/// <summary>What one provider gets in a batch: its claims' fund, the recoveries deducted, the net and its bank account.</summary>
public sealed record PaymentBatchPart(Guid InstitutionId, string ProviderCode, string ProviderName, int Claims, decimal Gross, decimal Deducted,
    decimal Net, string? BankName, string? BankAccountName, string? BankAccountNumber);
