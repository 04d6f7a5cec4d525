using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LtcInsurance.Domain.Calendar;

namespace LtcInsurance.Domain.Tests.Calendar;

/// <summary>
/// Working-day arithmetic over a week plus exceptions. The national-holiday case is this test's own list, shaped like the
/// 2026 国庆节 arrangement: 1–7 October off, Sunday 20 September and Saturday 10 October worked (调休).
/// </summary>
public class WorkingDaysTests
{
    private static readonly Dictionary<DateOnly, string> NationalDay2026 = new()
    {
        [new(2026, 9, 20)] = CalendarDay.Workday,
        [new(2026, 10, 1)] = CalendarDay.Holiday, [new(2026, 10, 2)] = CalendarDay.Holiday, [new(2026, 10, 3)] = CalendarDay.Holiday,
        [new(2026, 10, 4)] = CalendarDay.Holiday, [new(2026, 10, 5)] = CalendarDay.Holiday, [new(2026, 10, 6)] = CalendarDay.Holiday,
        [new(2026, 10, 7)] = CalendarDay.Holiday,
        [new(2026, 10, 10)] = CalendarDay.Workday,
    };

    private static string? Of(IReadOnlyDictionary<DateOnly, string> exceptions, DateOnly day) => exceptions.GetValueOrDefault(day);

    [Fact]
    public void A_deadline_across_the_national_holiday_skips_the_week_off_and_counts_the_make_up_Saturday()
    {
        // accepted on Wednesday 30 September: 8 Oct (Thu) 1, 9 Oct (Fri) 2, 10 Oct (Sat, 调休) 3, 12 Oct (Mon) 4, 13 Oct (Tue) 5
        var due = WorkingDays.Add(new DateOnly(2026, 9, 30), 5, d => Of(NationalDay2026, d));

        Assert.Equal(new DateOnly(2026, 10, 13), due);
        Assert.Equal(new DateOnly(2026, 10, 7), WorkingDays.Add(new DateOnly(2026, 9, 30), 5, _ => null));
        Assert.True(WorkingDays.IsWorkingDay(new DateOnly(2026, 10, 10), Of(NationalDay2026, new DateOnly(2026, 10, 10))));
        Assert.False(WorkingDays.IsWorkingDay(new DateOnly(2026, 10, 1), Of(NationalDay2026, new DateOnly(2026, 10, 1))));
        Assert.False(WorkingDays.IsWorkingDay(new DateOnly(2026, 10, 11), Of(NationalDay2026, new DateOnly(2026, 10, 11))));
    }

    [Fact]
    public void The_make_up_Sunday_before_the_holiday_is_the_first_working_day_after_a_Saturday_start()
    {
        Assert.Equal(new DateOnly(2026, 9, 20), WorkingDays.Add(new DateOnly(2026, 9, 19), 1, d => Of(NationalDay2026, d)));
        Assert.Equal(new DateOnly(2026, 10, 8), WorkingDays.Add(new DateOnly(2026, 9, 30), 1, d => Of(NationalDay2026, d)));
    }

    [Fact]
    public void Zero_working_days_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDays.Add(new DateOnly(2026, 1, 5), 0, _ => null));
    }

    /// <summary>A random calendar: each day in 2026–2027 is a holiday, a make-up day or neither.</summary>
    private static Gen<Dictionary<DateOnly, string>> Exceptions =>
        Gen.ListOf(Gen.Zip(Gen.Choose(0, 729), Gen.Elements(CalendarDay.Holiday, CalendarDay.Workday)))
            .Select(list => list.GroupBy(p => p.Item1).ToDictionary(g => new DateOnly(2026, 1, 1).AddDays(g.Key), g => g.First().Item2));

    [Property(MaxTest = 300)]
    public Property Adding_n_working_days_lands_on_a_working_day_with_exactly_n_working_days_after_the_start() =>
        Prop.ForAll(Exceptions.ToArbitrary(), Gen.Choose(0, 500).ToArbitrary(), Gen.Choose(1, 60).ToArbitrary(), (exceptions, offset, n) =>
        {
            var start = new DateOnly(2026, 1, 1).AddDays(offset);
            var due = WorkingDays.Add(start, n, d => Of(exceptions, d));

            var counted = 0;
            for (var day = start.AddDays(1); day <= due; day = day.AddDays(1))
            {
                if (WorkingDays.IsWorkingDay(day, Of(exceptions, day)))
                    counted++;
            }
            return due > start
                   && WorkingDays.IsWorkingDay(due, Of(exceptions, due))
                   && counted == n
                   && WorkingDays.Between(start, due, d => Of(exceptions, d)) == n;
        });

    [Theory]
    [InlineData("2026-10-08", DeadlineBucket.Overdue)]
    [InlineData("2026-10-09", DeadlineBucket.DueToday)]
    [InlineData("2026-10-12", DeadlineBucket.DueSoon)]
    [InlineData("2026-10-20", DeadlineBucket.Later)]
    public void A_deadline_is_overdue_due_today_due_soon_or_later(string due, DeadlineBucket expected)
    {
        var today = new DateOnly(2026, 10, 9);
        var dueOn = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture);
        var left = WorkingDays.Between(today, dueOn, d => Of(NationalDay2026, d));

        Assert.Equal(expected, DeadlineBuckets.Of(dueOn, today, left, soonWithin: 3));
    }
}
