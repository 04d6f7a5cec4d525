using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>
/// One uninterrupted stretch of insurance (参保期间) of a person under one scheme. A person's periods never overlap;
/// the spaces between them are the gaps (断保) that the Yulin waiting period counts (YL 二(四)5).
/// </summary>
public sealed class EnrollmentPeriod : ITenantOwned
{
    public required string TenantId { get; init; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid PersonId { get; init; }

    /// <summary>One of <c>SchemeKinds</c> (employee, resident, special_groups), as decided by the tenant's eligibility rule.</summary>
    public required string Scheme { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>Last insured day; null while the enrollment is open.</summary>
    public DateOnly? EndDate { get; set; }

    /// <summary>
    /// Monthly contribution base (缴费基数) where the city charges a rate on wage or pension (YL 二(三)1-3):
    /// the wage of employees and flexible workers, the pension of retirees. Null where contributions are fixed amounts.
    /// </summary>
    public decimal? MonthlyBase { get; set; }

    public DateRange Range => new(StartDate, EndDate);

    /// <summary>True when some day of [from, to] is insured by this period.</summary>
    public bool Overlaps(DateOnly from, DateOnly to) => StartDate <= to && (EndDate is null || EndDate >= from);
}
