using LtcInsurance.Application.Claims.CreatePaymentBatch;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.PayBatch;

/// <summary>
/// 费用拨付: marks a batch paid on <see cref="PaidOn"/> and books the payment (debit 2101, credit the fund's account 1001,
/// net of the recoveries deducted, per region sub-ledger); its claims become paid. Once per batch.
/// </summary>
[RequiresRole(Roles.Clerk)]
public sealed record PayBatchCommand(Guid BatchId, DateOnly PaidOn) : IRequest<PaymentBatchView>;
