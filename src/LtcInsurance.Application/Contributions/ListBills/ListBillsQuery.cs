using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Contributions.ListBills;

/// <summary>A period's bills of the current tenant, optionally of one region, by person name; one page of them.</summary>
/// <param name="Region">Region code (6 digits); null or blank: every region.</param>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record ListBillsQuery(string Period, string? Region, int Skip, int Take) : IRequest<Page<BillListItem>>;

/// <param name="JournalSequence">The entry that booked the bill; null when not booked (nothing due).</param>
public sealed record BillListItem(
    BillId BillId, PersonId PersonId, string Name, string RegionCode, string Scheme, decimal Total, decimal IndividualDue,
    long? JournalSequence);
