using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>
/// A person's insurance history as the continuity rules see it (YL 二(四)5 激励约束): enrollment periods, minus the
/// stretches whose own contribution went unpaid, give the insured stretches; the days between them are gaps.
/// </summary>
public sealed class EnrollmentHistory
{
    private readonly List<DateRange> _insured;

    /// <param name="periods">The person's enrollment periods (any order, never overlapping).</param>
    /// <param name="unpaid">Contribution periods (start, end) with an outstanding individual amount: not covered.</param>
    public EnrollmentHistory(DateOnly birthDate, IEnumerable<EnrollmentPeriod> periods, IEnumerable<DateRange> unpaid)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(unpaid);
        BirthDate = birthDate;
        var holes = unpaid.OrderBy(u => u.From).ToList();
        _insured = Merge(periods.Select(p => p.Range).SelectMany(r => Subtract(r, holes)));
    }

    public DateOnly BirthDate { get; }

    /// <summary>The insured stretches, merged where one ends the day before the next starts.</summary>
    public IReadOnlyList<DateRange> InsuredStretches => _insured;

    /// <summary>Whether <paramref name="day"/> is insured (enrolled and not inside an unpaid period).</summary>
    public bool IsInsuredOn(DateOnly day) => _insured.Any(r => r.Contains(day));

    /// <summary>
    /// The days between insured stretches, up to <paramref name="asOf"/>. Time before the first enrollment is not
    /// a gap (the waiting period treats a late first enrollment on its own).
    /// </summary>
    public IReadOnlyList<EnrolmentGap> GapsUntil(DateOnly asOf)
    {
        var gaps = new List<EnrolmentGap>();
        for (var i = 0; i < _insured.Count; i++)
        {
            var end = _insured[i].To;
            if (end is null || end.Value >= asOf)
                break;
            var next = i + 1 < _insured.Count ? _insured[i + 1].From : asOf.AddDays(1);
            var gapEnd = (next > asOf ? asOf.AddDays(1) : next).AddDays(-1);
            if (gapEnd > end.Value)
                gaps.Add(new EnrolmentGap(end.Value.AddDays(1), gapEnd));
        }

        return gaps;
    }

    /// <summary>
    /// The engine's view for the entitlement question on <paramref name="asOf"/>: insured since the start of the
    /// current stretch (a re-enrollment after a gap starts a new waiting period), every gap so far, and whether the
    /// first enrollment began before the first birthday (newborns are exempt; our reading of "新生儿").
    /// Null when the person is not insured on <paramref name="asOf"/>.
    /// </summary>
    public Enrolment? AsOf(DateOnly asOf)
    {
        var current = _insured.LastOrDefault(r => r.From <= asOf);
        if (current is null || !current.Contains(asOf))
            return null;
        var newborn = _insured[0].From < BirthDate.AddYears(1) && current == _insured[0];
        return new Enrolment(current.From, GapsUntil(asOf), newborn);
    }

    private static IEnumerable<DateRange> Subtract(DateRange range, IReadOnlyList<DateRange> holes)
    {
        var from = range.From;
        foreach (var hole in holes)
        {
            var holeEnd = hole.To ?? DateOnly.MaxValue;
            if (holeEnd < from || (range.To is { } to && hole.From > to))
                continue;
            if (hole.From > from)
                yield return new DateRange(from, hole.From.AddDays(-1));
            if (holeEnd == DateOnly.MaxValue)
                yield break;
            from = holeEnd.AddDays(1);
            if (range.To is { } end && from > end)
                yield break;
        }

        yield return new DateRange(from, range.To);
    }

    private static List<DateRange> Merge(IEnumerable<DateRange> ranges)
    {
        var merged = new List<DateRange>();
        foreach (var range in ranges.OrderBy(r => r.From))
        {
            if (merged.Count > 0 && merged[^1] is { To: { } lastEnd } last && range.From <= lastEnd.AddDays(1))
            {
                DateOnly? end = range.To is null ? null : (range.To > lastEnd ? range.To : lastEnd);
                merged[^1] = new DateRange(last.From, end);
            }
            else if (merged.Count > 0 && merged[^1].To is null)
            {
                continue;
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }
}
