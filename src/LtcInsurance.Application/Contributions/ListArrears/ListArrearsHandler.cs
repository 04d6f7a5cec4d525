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
        var query = ArrearsQuery.Of(db, request.Period);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(r => r.Period).ThenBy(r => r.Name).ThenBy(r => r.Id)
            .Skip(request.Skip).Take(request.Take).ToListAsync(cancellationToken);
        return new Page<Arrear>(
            [.. rows.Select(r => new Arrear(new BillId(r.Id), new PersonId(r.PersonId), r.Name, r.Period, r.IndividualDue, r.Paid))],
            total, request.Skip, request.Take);
    }
}

/// <summary>Bills with an outstanding individual part (optionally of one period), with the person's name and what was paid.</summary>
internal static class ArrearsQuery
{
    // Member initialisation (not a constructor) so that EF can order and page by these properties.
    internal sealed class Row
    {
        public Guid Id { get; init; }

        public Guid PersonId { get; init; }

        public string Name { get; init; } = "";

        public string Period { get; init; } = "";

        public decimal IndividualDue { get; init; }

        public decimal Paid { get; init; }
    }

    public static IQueryable<Row> Of(ILtcDbContext db, string? period)
    {
        var selected = string.IsNullOrWhiteSpace(period) ? null : period.Trim();
        return
            from b in db.ContributionBills
            join p in db.InsuredPeople on new { b.TenantId, b.PersonId } equals new { p.TenantId, PersonId = p.Id }
            where selected == null || b.Period == selected
            let paid = db.ContributionPayments.Where(x => x.BillId == b.Id).Sum(x => (decimal?)x.Amount) ?? 0m
            where b.IndividualDue > paid
            select new Row { Id = b.Id, PersonId = b.PersonId, Name = p.Name, Period = b.Period, IndividualDue = b.IndividualDue, Paid = paid };
    }
}
