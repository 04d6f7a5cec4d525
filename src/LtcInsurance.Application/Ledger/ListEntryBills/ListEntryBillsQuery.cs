using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Ledger.ListEntryBills;

/// <summary>One bill an entry booked: who, which period and region, the bill's total.</summary>
public sealed record EntryBillRow(BillId BillId, PersonId PersonId, string? PersonName, string Period, string RegionCode, decimal Total);

/// <summary>
/// One page of the bills an entry booked (ordered by person name, then bill), how many bills the entry booked and
/// their total (equal to the entry's debits when every bill is due in full), the page shown (clamped) and the page count.
/// </summary>
public sealed record EntryBillPage(IReadOnlyList<EntryBillRow> Rows, int Total, decimal Amount, int Page, int PageCount);

/// <summary>
/// The contribution bills the current tenant's entry <see cref="Sequence"/> booked. A billing run books one entry per
/// region and batch whose postings are the sums per payer; each bill records its entry's sequence, so this lists
/// every bill behind the entry's amounts. Another city's entry of the same number has none of this city's bills.
/// </summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record ListEntryBillsQuery(EntrySequence Sequence, int Page = 1, int PageSize = ListEntryBillsQuery.DefaultPageSize)
    : IRequest<EntryBillPage>
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
}
