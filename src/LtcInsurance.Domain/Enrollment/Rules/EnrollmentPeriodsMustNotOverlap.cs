using LtcInsurance.Domain.Common;

namespace LtcInsurance.Domain.Enrollment.Rules;

/// <summary>
/// A person is insured once at a time: a new period [start, end] (open when end is null) may not share a day with any
/// of the person's periods. The one place this rule lives; the database's exclusion constraint only backs it up.
/// </summary>
public sealed class EnrollmentPeriodsMustNotOverlap : IBusinessRule
{
    private readonly string _personName;
    private readonly EnrollmentPeriod? _overlapping;

    /// <param name="existing">The person's periods.</param>
    public EnrollmentPeriodsMustNotOverlap(string personName, IEnumerable<EnrollmentPeriod> existing, DateOnly start, DateOnly? end)
    {
        ArgumentNullException.ThrowIfNull(existing);
        _personName = personName;
        _overlapping = existing.OrderBy(e => e.StartDate).FirstOrDefault(e => e.Overlaps(start, end ?? DateOnly.MaxValue));
    }

    public string Code => "already_enrolled";

    public string Clause => RegisterClauses.Register;

    public string Message => _overlapping is null
        ? $"{_personName} 的参保期间不能重叠"
        : $"{_personName} 已有参保记录（{_overlapping.StartDate:yyyy-MM-dd} 起），请先办理停保再重新参保";

    public bool IsBroken() => _overlapping is not null;
}
