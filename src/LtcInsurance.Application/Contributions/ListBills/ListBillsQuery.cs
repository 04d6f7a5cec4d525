using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Contributions.ListBills;

/// <summary>
/// A period's bills of the current tenant, optionally of one region, payer, payment status or person; one page of them,
/// by person name unless another order is asked for.
/// </summary>
/// <param name="Region">Region code (6 digits); null or blank: every region.</param>
/// <param name="Person">Part of the person's name, or the start of their ID number (the register search); null or blank: everyone.</param>
/// <param name="Payer">A payer's code (<c>Payer.Code</c>): only bills with a share of that payer; null or blank: any.</param>
/// <param name="Status">One of <see cref="BillStatuses"/>; null or blank: any.</param>
/// <param name="SortBy">One of <see cref="BillSorts"/>; null or blank: by name.</param>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record ListBillsQuery(
    string Period, string? Region, int Skip, int Take, string? Person = null, string? Payer = null, string? Status = null,
    string? SortBy = null, bool Descending = false) : IRequest<Page<BillListItem>>;

/// <summary>A bill's payment status, as the list filters it.</summary>
public static class BillStatuses
{
    /// <summary>Part of the person's own share is still owed.</summary>
    public const string Owing = "owing";

    /// <summary>The person's own share is paid in full.</summary>
    public const string Paid = "paid";

    /// <summary>The bill has no individual share (others pay it all).</summary>
    public const string NothingDue = "nothing_due";

    public static readonly IReadOnlyList<string> All = [Owing, Paid, NothingDue];

    /// <summary>The status of a bill with <paramref name="individualDue"/> of which <paramref name="paid"/> is paid.</summary>
    public static string Of(decimal individualDue, decimal paid) =>
        individualDue == 0m ? NothingDue : paid >= individualDue ? Paid : Owing;
}

/// <summary>The orders of the bill list (the <see cref="BillListItem"/> property names).</summary>
public static class BillSorts
{
    public static readonly IReadOnlyList<string> All =
        [nameof(BillListItem.Name), nameof(BillListItem.RegionCode), nameof(BillListItem.Scheme), nameof(BillListItem.Total),
         nameof(BillListItem.IndividualDue), nameof(BillListItem.Paid), nameof(BillListItem.JournalSequence)];
}

/// <param name="JournalSequence">The entry that booked the bill; null when not booked (nothing due).</param>
/// <param name="Paid">What the person has paid of <paramref name="IndividualDue"/>.</param>
public sealed record BillListItem(
    BillId BillId, PersonId PersonId, string Name, string RegionCode, string Scheme, decimal Total, decimal IndividualDue,
    long? JournalSequence, decimal Paid = 0m)
{
    public decimal Outstanding => IndividualDue - Paid;

    /// <summary>One of <see cref="BillStatuses"/>.</summary>
    public string Status => BillStatuses.Of(IndividualDue, Paid);
}
