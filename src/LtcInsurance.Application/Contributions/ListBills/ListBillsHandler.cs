using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Domain;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Contributions.ListBills;

internal sealed class ListBillsHandler(ILtcDbContext db) : IRequestHandler<ListBillsQuery, Page<BillListItem>>
{
    public async Task<Page<BillListItem>> Handle(ListBillsQuery request, CancellationToken cancellationToken)
    {
        var period = request.Period.Trim();
        var bills = db.ContributionBills.AsNoTracking().Where(b => b.Period == period);
        if (!string.IsNullOrWhiteSpace(request.Region))
        {
            var region = request.Region.Trim();
            bills = bills.Where(b => b.RegionCode == region);
        }

        var total = await bills.CountAsync(cancellationToken);
        var rows = await (
                from b in bills
                join p in db.InsuredPeople on b.PersonId equals p.Id
                orderby p.Name, p.Id
                select new { b.Id, b.PersonId, p.Name, b.RegionCode, b.Scheme, b.Total, b.IndividualDue, b.JournalSequence })
            .Skip(request.Skip).Take(request.Take).ToListAsync(cancellationToken);
        return new Page<BillListItem>(
            [.. rows.Select(r => new BillListItem(new BillId(r.Id), new PersonId(r.PersonId), r.Name, r.RegionCode, r.Scheme,
                r.Total, r.IndividualDue, r.JournalSequence))],
            total, request.Skip, request.Take);
    }
}
