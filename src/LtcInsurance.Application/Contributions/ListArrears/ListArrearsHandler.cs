using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Domain;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Contributions.ListArrears;

internal sealed class ListArrearsHandler(ILtcDbContext db) : IRequestHandler<ListArrearsQuery, Page<Arrear>>
{
    public async Task<Page<Arrear>> Handle(ListArrearsQuery request, CancellationToken cancellationToken)
    {
        var period = string.IsNullOrWhiteSpace(request.Period) ? null : request.Period.Trim();
        var query =
            from b in db.ContributionBills
            join p in db.InsuredPeople on new { b.TenantId, b.PersonId } equals new { p.TenantId, PersonId = p.Id }
            where period == null || b.Period == period
            let paid = db.ContributionPayments.Where(x => x.BillId == b.Id).Sum(x => (decimal?)x.Amount) ?? 0m
            where b.IndividualDue > paid
            select new { b.Id, b.PersonId, p.Name, b.Period, b.IndividualDue, Paid = paid };
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(r => r.Period).ThenBy(r => r.Name).ThenBy(r => r.Id)
            .Skip(request.Skip).Take(request.Take).ToListAsync(cancellationToken);
        return new Page<Arrear>(
            [.. rows.Select(r => new Arrear(new BillId(r.Id), new PersonId(r.PersonId), r.Name, r.Period, r.IndividualDue, r.Paid))],
            total, request.Skip, request.Take);
    }
}
