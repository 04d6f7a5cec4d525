using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Ledger.ListEntryBills;

/// <summary>
/// Reads the bills carrying the entry's sequence (index on tenant and sequence): the count and total in one query, then
/// the page with the people's names. Both tables are tenant-filtered and row-level secured.
/// </summary>
internal sealed class ListEntryBillsHandler(ILtcDbContext db) : IRequestHandler<ListEntryBillsQuery, EntryBillPage>
{
    public async Task<EntryBillPage> Handle(ListEntryBillsQuery request, CancellationToken cancellationToken)
    {
        long? sequence = request.Sequence.Value;
        var bills = db.ContributionBills.AsNoTracking().Where(b => b.JournalSequence == sequence);
        var summary = await bills.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Amount = g.Sum(b => b.Total) })
            .FirstOrDefaultAsync(cancellationToken);
        var total = summary?.Count ?? 0;
        if (total == 0)
            return new EntryBillPage([], 0, 0m, 1, 1);

        var pageCount = (total + request.PageSize - 1) / request.PageSize;
        var page = Math.Min(request.Page, pageCount);
        var rows = await (
                from b in bills
                join p in db.InsuredPeople on new { b.TenantId, b.PersonId } equals new { p.TenantId, PersonId = p.Id } into people
                from p in people.DefaultIfEmpty()
                orderby p.Name, b.Id
                select new { b.Id, b.PersonId, Name = p == null ? null : p.Name, b.Period, b.RegionCode, b.Total })
            .Skip((page - 1) * request.PageSize).Take(request.PageSize)
            .ToListAsync(cancellationToken);
        return new EntryBillPage(
            [.. rows.Select(r => new EntryBillRow(new BillId(r.Id), new PersonId(r.PersonId), r.Name, r.Period, r.RegionCode.Trim(), r.Total))],
            total, summary!.Amount, page, pageCount);
    }
}
