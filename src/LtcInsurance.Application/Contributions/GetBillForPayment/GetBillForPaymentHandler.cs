using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Contributions.GetBillForPayment;

internal sealed class GetBillForPaymentHandler(ILtcDbContext db) : IRequestHandler<GetBillForPaymentQuery, BillForPayment?>
{
    public async Task<BillForPayment?> Handle(GetBillForPaymentQuery request, CancellationToken cancellationToken)
    {
        var billId = request.Bill.Value;
        var bill = await db.ContributionBills.AsNoTracking().Where(b => b.Id == billId)
            .Select(b => new { b.Id, b.PersonId, b.Period, b.IndividualDue }).FirstOrDefaultAsync(cancellationToken);
        if (bill is null)
            return null;
        var name = await db.InsuredPeople.Where(p => p.Id == bill.PersonId).Select(p => p.Name).FirstAsync(cancellationToken);
        var paid = await db.ContributionPayments.Where(p => p.BillId == bill.Id).SumAsync(p => p.Amount, cancellationToken);
        return new BillForPayment(new BillId(bill.Id), new PersonId(bill.PersonId), name, bill.Period, bill.IndividualDue, paid);
    }
}
