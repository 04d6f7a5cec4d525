using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Contributions.ListArrears;

/// <summary>Bills of the current tenant whose individual part is not fully paid, optionally of one period, oldest period first.</summary>
/// <param name="Period">Null or blank: every period.</param>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record ListArrearsQuery(string? Period, int Skip, int Take) : IRequest<Page<Arrear>>;

/// <summary>A bill whose individual part is not fully paid.</summary>
public sealed record Arrear(BillId BillId, PersonId PersonId, string Name, string Period, decimal IndividualDue, decimal Paid)
{
    public decimal Outstanding => IndividualDue - Paid;
}
