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

    /// <summary>
    /// The people whose name matches <paramref name="likePattern"/> (a LIKE pattern, backslash escapes), untracked, found
    /// by the pg_trgm index alone: whatever order and limit the caller adds are applied to the matches, never by walking
    /// the (tenant_id, name) btree in name order and testing every name.
    /// </summary>
    IQueryable<InsuredPerson> WithNameLike(string likePattern);

    /// <summary>
    /// The planner's estimate of the session tenant's people (from the table's statistics, scaled to its current size;
    /// nothing is counted): for the size of the register of everybody, shown as approximate.
    /// </summary>
    Task<long> EstimateRegisterAsync(CancellationToken cancellationToken);
}
