using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tests.Enrollment;

namespace LtcInsurance.Domain.Tests.Contributions;

public sealed class EnrollmentHistorySpecs
{
    private static readonly DateOnly Birth = new(1980, 5, 5);

    private static readonly InsuredPerson Someone = RegisterExamples.Person(Birth);

    private static EnrollmentPeriod Period(DateOnly start, DateOnly? end) => RegisterExamples.Period(Someone, start, end);

    [Fact]
    public void Continuous_enrollment_since_launch_has_no_gap()
    {
        var history = new EnrollmentHistory(Birth, [Period(new(2027, 1, 1), null)], []);
        var enrolment = history.AsOf(new DateOnly(2028, 3, 1))!;
        Assert.Equal(new DateOnly(2027, 1, 1), enrolment.Since);
        Assert.Empty(enrolment.Gaps);
        Assert.False(enrolment.Newborn);
    }

    [Fact]
    public void Re_enrolling_after_a_break_starts_a_new_stretch_and_the_break_is_a_gap()
    {
        var history = new EnrollmentHistory(Birth,
            [Period(new(2027, 1, 1), new(2027, 6, 30)), Period(new(2028, 1, 1), null)], []);
        var enrolment = history.AsOf(new DateOnly(2028, 3, 1))!;
        Assert.Equal(new DateOnly(2028, 1, 1), enrolment.Since);
        Assert.Equal([new EnrolmentGap(new(2027, 7, 1), new(2027, 12, 31))], enrolment.Gaps);
    }

    [Fact]
    public void Adjacent_periods_are_one_stretch()
    {
        var history = new EnrollmentHistory(Birth,
            [Period(new(2027, 1, 1), new(2027, 6, 30)), Period(new(2027, 7, 1), null)], []);
        Assert.Single(history.InsuredStretches);
        Assert.Empty(history.GapsUntil(new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void An_unpaid_month_inside_an_enrollment_interrupts_it()
    {
        var history = new EnrollmentHistory(Birth, [Period(new(2027, 1, 1), null)],
            [new DateRange(new(2027, 4, 1), new(2027, 4, 30))]);
        Assert.False(history.IsInsuredOn(new DateOnly(2027, 4, 15)));
        var enrolment = history.AsOf(new DateOnly(2027, 9, 1))!;
        Assert.Equal(new DateOnly(2027, 5, 1), enrolment.Since);
        Assert.Equal([new EnrolmentGap(new(2027, 4, 1), new(2027, 4, 30))], enrolment.Gaps);
    }

    [Fact]
    public void Not_insured_on_the_day_asked_gives_no_enrolment()
    {
        var history = new EnrollmentHistory(Birth, [Period(new(2027, 1, 1), new(2027, 3, 31))], []);
        Assert.Null(history.AsOf(new DateOnly(2027, 5, 1)));
    }

    [Fact]
    public void A_child_enrolled_before_the_first_birthday_counts_as_newborn()
    {
        var baby = new DateOnly(2027, 8, 1);
        var history = new EnrollmentHistory(baby, [Period(new(2027, 9, 1), null)], []);
        Assert.True(history.AsOf(new DateOnly(2028, 1, 1))!.Newborn);
    }
}
