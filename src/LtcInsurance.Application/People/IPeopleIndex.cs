using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Application.People;

/// <summary>
/// Register lookups the unique index on (tenant, ID number) serves directly (Infrastructure: a range on the stored
/// column, so a prefix of a million-row register is an index range scan, never a cast and a LIKE over every row).
/// </summary>
public interface IPeopleIndex
{
    /// <summary>The people whose ID number starts with <paramref name="prefix"/> (digits, upper-case X), untracked.</summary>
    IQueryable<InsuredPerson> WithIdNumberPrefix(string prefix);
}
