using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Application.People;
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

        if (!string.IsNullOrWhiteSpace(request.Payer))
        {
            var payer = request.Payer.Trim();
            bills = bills.Where(b => db.ContributionBillLines.Any(l => l.BillId == b.Id && l.Payer == payer && l.Amount > 0));
        }

        var people = PeopleSearch.Apply(db.InsuredPeople.AsNoTracking(), request.Person);
        var rows =
            from b in bills
            join p in people on b.PersonId equals p.Id
            let paid = db.ContributionPayments.Where(x => x.BillId == b.Id).Sum(x => (decimal?)x.Amount) ?? 0m
            select new Row
            {
                Id = b.Id, PersonId = b.PersonId, Name = p.Name, RegionCode = b.RegionCode, Scheme = b.Scheme, Total = b.Total,
                IndividualDue = b.IndividualDue, JournalSequence = b.JournalSequence, Paid = paid,
            };
        rows = request.Status?.Trim() switch
        {
            BillStatuses.Owing => rows.Where(r => r.IndividualDue > r.Paid),
            BillStatuses.Paid => rows.Where(r => r.IndividualDue > 0 && r.Paid >= r.IndividualDue),
            BillStatuses.NothingDue => rows.Where(r => r.IndividualDue == 0),
            _ => rows,
        };

        var total = await rows.CountAsync(cancellationToken);
        var page = await Order(rows, request.SortBy?.Trim(), request.Descending)
            .Skip(request.Skip).Take(request.Take).ToListAsync(cancellationToken);
        return new Page<BillListItem>(
            [.. page.Select(r => new BillListItem(new BillId(r.Id), new PersonId(r.PersonId), r.Name, r.RegionCode, r.Scheme,
                r.Total, r.IndividualDue, r.JournalSequence, r.Paid))],
            total, request.Skip, request.Take);
    }

    /// <summary>The asked order, then name and id so that pages never overlap.</summary>
    private static IQueryable<Row> Order(IQueryable<Row> rows, string? sortBy, bool descending)
    {
        IOrderedQueryable<Row> ordered = sortBy switch
        {
            nameof(BillListItem.RegionCode) => descending ? rows.OrderByDescending(r => r.RegionCode) : rows.OrderBy(r => r.RegionCode),
            nameof(BillListItem.Scheme) => descending ? rows.OrderByDescending(r => r.Scheme) : rows.OrderBy(r => r.Scheme),
            nameof(BillListItem.Total) => descending ? rows.OrderByDescending(r => r.Total) : rows.OrderBy(r => r.Total),
            nameof(BillListItem.IndividualDue) => descending ? rows.OrderByDescending(r => r.IndividualDue) : rows.OrderBy(r => r.IndividualDue),
            nameof(BillListItem.Paid) => descending ? rows.OrderByDescending(r => r.Paid) : rows.OrderBy(r => r.Paid),
            nameof(BillListItem.JournalSequence) => descending ? rows.OrderByDescending(r => r.JournalSequence) : rows.OrderBy(r => r.JournalSequence),
            nameof(BillListItem.Name) when descending => rows.OrderByDescending(r => r.Name),
            _ => rows.OrderBy(r => r.Name),
        };
        return ordered.ThenBy(r => r.Name).ThenBy(r => r.Id);
    }

    // Member initialisation (not a constructor) so that EF can filter, order and page by these properties.
    private sealed class Row
    {
        public Guid Id { get; init; }

        public Guid PersonId { get; init; }

        public string Name { get; init; } = "";

        public string RegionCode { get; init; } = "";

        public string Scheme { get; init; } = "";

        public decimal Total { get; init; }

        public decimal IndividualDue { get; init; }

        public long? JournalSequence { get; init; }

        public decimal Paid { get; init; }
    }
}
