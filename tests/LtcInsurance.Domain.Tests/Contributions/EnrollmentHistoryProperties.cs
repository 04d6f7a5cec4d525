using FsCheck.Xunit;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tests.Enrollment;

namespace LtcInsurance.Domain.Tests.Contributions;

public sealed class EnrollmentHistoryProperties
{
    private static readonly DateOnly Origin = new(2027, 1, 1);

    /// <summary>
    /// Whatever the periods and unpaid stretches, a day is insured exactly when some period covers it and no unpaid
    /// stretch does, and no reported gap contains an insured day.
    /// </summary>
    [Property(MaxTest = 300)]
    public bool A_day_is_insured_iff_enrolled_and_not_unpaid(byte[] periodCuts, byte[] holeCuts)
    {
        var person = RegisterExamples.Person(new DateOnly(1980, 1, 1));
        var periods = new List<EnrollmentPeriod>();
        foreach (var range in Ranges(periodCuts))
            periods.Add(RegisterExamples.Period(person, range.From, range.To, periods));
        var holes = Ranges(holeCuts).ToList();
        var history = new EnrollmentHistory(new DateOnly(1980, 1, 1), periods, holes);
        var asOf = Origin.AddDays(600);
        var gaps = history.GapsUntil(asOf);
        for (var day = Origin; day <= asOf; day = day.AddDays(1))
        {
            var expected = periods.Any(p => p.Range.Contains(day)) && !holes.Any(h => h.Contains(day));
            if (history.IsInsuredOn(day) != expected)
                return false;
            if (expected && gaps.Any(g => day >= g.From && day <= g.To))
                return false;
        }

        return true;
    }

    /// <summary>Non-overlapping closed ranges from successive byte offsets: [c0, c0+c1], [.. + c2 + 1, .. + c3], ...</summary>
    private static IEnumerable<DateRange> Ranges(byte[] cuts)
    {
        var cursor = Origin;
        for (var i = 0; i + 1 < (cuts?.Length ?? 0) && i < 12; i += 2)
        {
            var from = cursor.AddDays(cuts![i] % 60);
            var to = from.AddDays(cuts[i + 1] % 90);
            yield return new DateRange(from, to);
            cursor = to.AddDays(1);
        }
    }
}
