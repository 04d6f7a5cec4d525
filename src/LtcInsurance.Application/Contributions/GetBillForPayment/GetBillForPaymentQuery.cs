using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Contributions.GetBillForPayment;

/// <summary>What the payment form shows of a bill of the current tenant: null when there is no such bill (here).</summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record GetBillForPaymentQuery(BillId Bill) : IRequest<BillForPayment?>;

/// <param name="Paid">The receipts recorded so far.</param>
public sealed record BillForPayment(BillId BillId, PersonId PersonId, string PersonName, string Period, decimal IndividualDue, decimal Paid)
{
    public decimal Outstanding => IndividualDue - Paid;
}
