using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies.Rules;

/// <summary>
/// Waiting period (YL 二(四)5 激励约束; digest interpretation 7): who first enrols after the launch,
/// or re-enrols after a gap, waits a number of months from the enrolment date (to the day before the
/// same date that many months later), newborns excepted. Gap years after the launch lengthen it by a
/// tenant figure.
/// </summary>
public static class WaitingPeriod
{
    /// <returns>The last day of the waiting period, or null when none applies.</returns>
    public static (DateOnly? LastDay, TraceStep Step) Apply(
        string clause,
        Enrolment enrolment,
        DateOnly schemeLaunch,
        ResolvedParameter baseMonths,
        Func<ResolvedParameter> extraMonthsPerGapYear,
        bool everyStartedGapYear = true)
    {
        var gapDays = enrolment.Gaps.Sum(g => new DateRange(g.From, g.To).DaysWithin(schemeLaunch, DateOnly.MaxValue));
        var lateJoiner = enrolment.Since > schemeLaunch;
        var applies = !enrolment.Newborn && (lateJoiner || gapDays > 0);
        var parameters = new List<ResolvedParameter> { baseMonths };
        DateOnly? lastDay = null;
        var months = 0;
        var gapYears = 0;
        if (applies)
        {
            months = (int)baseMonths.Number;
            if (gapDays > 0)
            {
                // a year is taken as 366 days so a leap year is one year; by the team's reading every started year of gap
                // counts (a gap under a year extends the wait once), else only whole years do
                gapYears = everyStartedGapYear ? (gapDays + 365) / 366 : gapDays / 366;
                if (gapYears > 0)
                {
                    var extra = extraMonthsPerGapYear();
                    parameters.Add(extra);
                    months += gapYears * (int)extra.Number;
                }
            }

            lastDay = enrolment.Since.AddMonths(months).AddDays(-1);
        }

        var step = RuleNames.Step(
            RuleNames.WaitingPeriod,
            clause,
            parameters,
            new Dictionary<string, object?>
            {
                ["enrolledSince"] = enrolment.Since,
                ["newborn"] = enrolment.Newborn,
                ["schemeLaunch"] = schemeLaunch,
                ["gapDaysAfterLaunch"] = gapDays,
                ["everyStartedGapYear"] = everyStartedGapYear,
            },
            new Dictionary<string, object?> { ["applies"] = applies, ["months"] = months, ["gapYears"] = gapYears, ["lastDay"] = lastDay });
        return (lastDay, step);
    }
}
