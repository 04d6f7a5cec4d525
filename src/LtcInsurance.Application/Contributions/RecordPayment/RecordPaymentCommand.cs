using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;

namespace LtcInsurance.Application.Contributions.RecordPayment;

/// <summary>
/// Records one receipt of a person's own contribution against a bill of the current tenant and books it; recording
/// the same reference again (same bill and amount) is a no-op. Refusals: <see cref="BillingRefusedException"/>
/// (unknown bill, reference used for another payment, concurrent recording) and the bill's rules
/// (<c>BusinessRuleViolationException</c>: amount not positive, not whole cents, above what is outstanding).
/// </summary>
/// <param name="Reference">Receipt or bank reference (缴费凭证号), unique per tenant; at most 64 characters.</param>
/// <param name="Method">
/// How the money came (<c>PaymentMethods</c>): the counter by default; <c>pension_withholding</c> (养老金代扣) only for a
/// retiree of a city whose document provides it (YL 二(三)（续）), refused otherwise (<c>withholding_not_allowed</c>).
/// </param>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record RecordPaymentCommand(BillId Bill, string Reference, decimal Amount, DateOnly PaidOn,
    string Method = PaymentMethods.Counter) : IRequest<PaymentRecorded>;

/// <param name="AlreadyRecorded">The receipt was recorded before; nothing new was written.</param>
/// <param name="Outstanding">What the person still owes of the bill's individual part.</param>
public sealed record PaymentRecorded(Guid PaymentId, EntrySequence JournalSequence, bool AlreadyRecorded, decimal Outstanding);
