using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment.Rules;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>
/// One uninterrupted stretch of insurance (参保期间) of a person under one scheme. A person's periods never overlap
/// (<see cref="EnrollmentPeriodsMustNotOverlap"/>, checked by <see cref="Open"/>); the spaces between them are the
/// gaps (断保) that the Yulin waiting period counts (YL 二(四)5).
/// </summary>
public sealed class EnrollmentPeriod : ITenantOwned
{
    /// <summary>For EF Core, which sets the properties from the row.</summary>
    private EnrollmentPeriod()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PersonId { get; private init; }

    /// <summary>One of <c>SchemeKinds</c> (employee, resident, special_groups), as decided by the tenant's eligibility rule.</summary>
    public string Scheme { get; private set; } = "";

    public DateOnly StartDate { get; private set; }

    /// <summary>Last insured day; null while the enrollment is open.</summary>
    public DateOnly? EndDate { get; private set; }

    /// <summary>
    /// Monthly contribution base (缴费基数) where the city charges a rate on wage or pension (YL 二(三)1-3):
    /// the wage of employees and flexible workers, the pension of retirees. Null where contributions are fixed amounts.
    /// </summary>
    public decimal? MonthlyBase { get; private set; }

    public DateRange Range => new(StartDate, EndDate);

    public bool IsOpen => EndDate is null;

    /// <summary>True when some day of [from, to] is insured by this period.</summary>
    public bool Overlaps(DateOnly from, DateOnly to) => StartDate <= to && (EndDate is null || EndDate >= from);

    /// <summary>
    /// Checks that <paramref name="person"/> may be enrolled from <paramref name="start"/>: not dead before it and
    /// no period of theirs (<paramref name="existing"/>) insuring that day or any later one.
    /// </summary>
    /// <exception cref="BusinessRuleViolationException">
    /// <see cref="NoEnrollmentAfterDeath"/>, <see cref="EnrollmentPeriodsMustNotOverlap"/>.
    /// </exception>
    public static void CheckCanOpen(InsuredPerson person, DateOnly start, IEnumerable<EnrollmentPeriod> existing, DeathRecord? death)
    {
        ArgumentNullException.ThrowIfNull(person);
        BusinessRule.Check(new NoEnrollmentAfterDeath(person.Name, death, start));
        BusinessRule.Check(new EnrollmentPeriodsMustNotOverlap(person.Name, existing, start, null));
    }

    /// <summary>
    /// Enrolls <paramref name="person"/> under <paramref name="scheme"/> (the tenant's eligibility rule decides it)
    /// from <paramref name="start"/>, open-ended. <paramref name="existing"/> are all the person's periods.
    /// </summary>
    /// <param name="monthlyBase">Wage or pension base where the city charges a rate; rounded to the cent here, once.</param>
    /// <exception cref="BusinessRuleViolationException">As <see cref="CheckCanOpen"/>.</exception>
    public static EnrollmentPeriod Open(InsuredPerson person, string scheme, DateOnly start, decimal? monthlyBase,
        IEnumerable<EnrollmentPeriod> existing, DeathRecord? death)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        CheckCanOpen(person, start, existing, death);
        return new EnrollmentPeriod
        {
            TenantId = person.TenantId,
            PersonId = person.Id,
            Scheme = scheme,
            StartDate = start,
            MonthlyBase = monthlyBase is { } b ? Money.Round(b) : null,
        };
    }

    /// <summary>Ends the open enrollment with <paramref name="lastDay"/> as its last insured day (停保).</summary>
    /// <exception cref="BusinessRuleViolationException">
    /// <see cref="EnrollmentMustBeOpen"/>, <see cref="EndNotBeforeStart"/>.
    /// </exception>
    public void End(DateOnly lastDay)
    {
        BusinessRule.Check(new EnrollmentMustBeOpen(this));
        BusinessRule.Check(EndNotBeforeStart.ForEnrollment(StartDate, lastDay));
        EndDate = lastDay;
    }

    /// <summary>
    /// Insurance ends with the day of death: a period running past <paramref name="dateOfDeath"/> (open or not) ends
    /// on it; one that starts after it keeps only its first day. Periods ended before the death are left alone.
    /// </summary>
    public void EndOnDeath(DateOnly dateOfDeath)
    {
        if (EndDate is { } end && end <= dateOfDeath)
            return;
        EndDate = StartDate > dateOfDeath ? StartDate : dateOfDeath;
    }
}
