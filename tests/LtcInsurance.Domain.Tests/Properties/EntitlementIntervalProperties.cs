using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Entitlement;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Tests.Properties;

/// <summary>
/// Invariants of the rules from a conclusion to benefits over generated dates: publicity (calendar and working days),
/// objections, re-assessment, the entitlement's end events, hospital days (interpretation 1: admitted &lt; d ≤ discharged)
/// and the assessment fee split.
/// </summary>
public class EntitlementIntervalProperties
{
    private const int Runs = 300;
    private static readonly DateOnly Origin = new(2028, 1, 1);

    private static ResolvedParameter Value(string name, object value) =>
        new(name, "测试", "unit", value, DateOnly.MinValue, ParameterSource.Case);

    private static Gen<DateOnly> Day(int days) => Gen.Choose(0, days).Select(Origin.AddDays);

    private static Gen<HospitalStay> Stay =>
        from admitted in Day(400)
        from length in Gen.Choose(0, 40)
        from open in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new HospitalStay(admitted, open ? null : admitted.AddDays(length));

    private static Gen<List<DateRange>> Intervals =>
        from count in Gen.Choose(0, 3)
        from starts in Gen.Choose(0, 120).ListOf(count)
        from lengths in Gen.Choose(0, 90).ListOf(count)
        select starts.Select((s, i) => (s, l: lengths[i]))
            .Aggregate((Next: 0, List: new List<DateRange>()), (acc, x) =>
            {
                // disjoint, ordered intervals
                var begin = Origin.AddDays(acc.Next + x.s);
                acc.List.Add(new DateRange(begin, begin.AddDays(x.l)));
                return (acc.Next + x.s + x.l + 2, acc.List);
            }).List;

    private static IEnumerable<DateOnly> Days(DateRange range) =>
        Enumerable.Range(0, range.To!.Value.DayNumber - range.From.DayNumber + 1).Select(range.From.AddDays);

    [Property(MaxTest = Runs)]
    public Property Removing_hospital_days_keeps_exactly_the_entitled_days_not_suspended() =>
        Prop.ForAll(Intervals.ToArbitrary(), Stay.ListOf().Select(l => l.Take(3).ToList()).ToArbitrary(), (intervals, stays) =>
        {
            var (kept, _) = HospitalDays.Remove(intervals, stays, () => Value(CommonParameters.SuspendDuringHospitalStay, true), "测试");
            var expected = intervals.SelectMany(Days)
                .Where(d => !stays.Any(s => d > s.Admitted && (s.Discharged is null || d <= s.Discharged)))
                .ToList();
            var actual = kept.SelectMany(Days).ToList();
            Assert.Equal(expected, actual);
            // disjoint and ordered, none empty
            Assert.All(kept.Zip(kept.Skip(1)), pair => Assert.True(pair.First.To < pair.Second.From));
            // a second pass removes nothing more
            Assert.Equal(kept, HospitalDays.Remove(kept, stays, () => Value(CommonParameters.SuspendDuringHospitalStay, true), "测试").Intervals);
        });

    [Property(MaxTest = Runs)]
    public Property The_hospital_switch_is_read_only_when_a_stay_overlaps_and_off_changes_nothing() =>
        Prop.ForAll(Intervals.ToArbitrary(), Stay.ListOf().Select(l => l.Take(3).ToList()).ToArbitrary(), (intervals, stays) =>
        {
            var read = false;
            var (kept, _) = HospitalDays.Remove(intervals, stays, () =>
            {
                read = true;
                return Value(CommonParameters.SuspendDuringHospitalStay, false);
            }, "测试");
            Assert.Equal(intervals, kept);
            var overlaps = intervals.SelectMany(Days).Any(d => stays.Any(s => d > s.Admitted && (s.Discharged is null || d <= s.Discharged)));
            Assert.Equal(overlaps, read);
        });

    private static Gen<(DateOnly Start, ConclusionValidity Validity, EntitlementEvents Events)> EndCases =>
        from conclusion in Day(300)
        from startOffset in Gen.Choose(1, 60)
        from months in Gen.Choose(1, 24)
        from death in Gen.Choose(-1, 900)
        from lost in Gen.Choose(-1, 900)
        from renewed in Gen.Choose(-1, 900)
        from newStartOffset in Gen.Choose(0, 40)
        let d = (Func<int, DateOnly?>)(o => o < 0 ? null : conclusion.AddDays(o))
        select (conclusion.AddDays(startOffset),
            new ConclusionValidity(conclusion, true, months, conclusion.AddMonths(months).AddDays(-1)),
            new EntitlementEvents(d(death), d(lost), d(renewed), renewed < 0 || newStartOffset == 0 ? null : d(renewed)!.Value.AddDays(newStartOffset)));

    [Property(MaxTest = Runs)]
    public Property An_entitlement_ends_on_the_earliest_event_and_never_after_any_of_them() =>
        Prop.ForAll(EndCases.ToArbitrary(), c =>
        {
            var (span, reason, step) = EntitlementPeriod.Apply("测试", c.Start, c.Validity, c.Events);
            var bounds = new List<DateOnly> { c.Validity.ValidTo };
            if (c.Events.Death is { } death)
                bounds.Add(death);
            if (c.Events.InsuranceLost is { } lost)
                bounds.Add(lost.AddDays(-1));
            if (c.Events.NewConclusion is { } renewed)
                bounds.Add(c.Events.NewBenefitStart?.AddDays(-1) ?? renewed);
            var last = bounds.Min();
            Assert.Equal(last >= c.Start, span is not null);
            if (span is not null)
            {
                Assert.Equal((c.Start, last, reason), (span.From, span.To, span.EndReason));
                Assert.True(span.To <= c.Validity.ValidTo);
                Assert.True(c.Events.Death is null || span.To <= c.Events.Death);
                Assert.True(c.Events.InsuranceLost is null || span.To < c.Events.InsuranceLost);
            }

            Assert.Equal(RuleNames.EntitlementEnd, step.Rule);
        });

    [Property(MaxTest = Runs)]
    public Property A_working_day_publicity_counts_exactly_its_days_and_starts_and_ends_on_working_days() =>
        Prop.ForAll(Day(700).ToArbitrary(), Gen.Choose(1, 20).ToArbitrary(), Gen.Choose(0, 9999).ToArbitrary(), (start, days, seed) =>
        {
            // a generated calendar: weekends off, some holidays, some make-up Saturdays
            bool Working(DateOnly d) => (d.DayNumber * 7919 + seed) % 11 != 0
                && (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) || (d.DayNumber + seed) % 13 == 0);
            var (period, _) = Publicity.Apply("测试", start, Value(EntitlementParameters.PublicityDays, (decimal)days),
                Value(EntitlementParameters.PublicityDayCounting, EntitlementParameters.WorkingDays), Working);
            Assert.True(period.First >= start && Working(period.First) && Working(period.Last));
            Assert.Equal(days, Enumerable.Range(0, period.Last.DayNumber - period.First.DayNumber + 1).Count(i => Working(period.First.AddDays(i))));
            Assert.True(Enumerable.Range(0, period.First.DayNumber - start.DayNumber).All(i => !Working(start.AddDays(i))));
            var (calendar, _) = Publicity.Apply("测试", start, Value(EntitlementParameters.PublicityDays, (decimal)days),
                Value(EntitlementParameters.PublicityDayCounting, EntitlementParameters.CalendarDays), null);
            Assert.Equal(days, calendar.Last.DayNumber - calendar.First.DayNumber + 1);
        });

    [Property(MaxTest = Runs)]
    public Property An_objection_is_accepted_iff_lodged_within_the_publicity_against_a_conclusion_that_is_not_a_review() =>
        Prop.ForAll(
            (from first in Day(100) from days in Gen.Choose(1, 15) select (first, days)).ToArbitrary(), Gen.Choose(-10, 30).ToArbitrary(),
            Gen.Elements(ConclusionKind.Initial, ConclusionKind.Review, ConclusionKind.Reassessment).ToArbitrary(), (period, offset, kind) =>
            {
                var (first, days) = period;
                var publicity = new PublicityPeriod(first, first.AddDays(days - 1), days, EntitlementParameters.CalendarDays);
                var (decision, _) = Publicity.Objection("测试", publicity, kind, first.AddDays(offset));
                Assert.Equal(kind != ConclusionKind.Review && offset >= 0 && offset < days, decision.Allowed);
            });

    [Property(MaxTest = Runs)]
    public Property A_re_assessment_on_request_is_accepted_iff_the_months_have_passed_and_other_grounds_always() =>
        Prop.ForAll(
            (from conclusion in Day(700) from after in Gen.Choose(0, 400) select (conclusion, after)).ToArbitrary(), Gen.Choose(1, 12).ToArbitrary(),
            Gen.Elements(Enum.GetValues<ReassessmentGround>()).ToArbitrary(), (asked, months, ground) =>
            {
                var (conclusion, after) = asked;
                var requested = conclusion.AddDays(after);
                var (decision, earliest, _) = ConclusionRules.Reassessment("测试", conclusion, requested, ground, Value(EntitlementParameters.ReassessmentAfterMonths, (decimal)months));
                Assert.Equal(conclusion.AddMonths(months), earliest);
                Assert.Equal(ground != ReassessmentGround.PersonRequest || requested >= earliest, decision.Allowed);
            });

    [Property(MaxTest = Runs)]
    public Property A_validity_ends_before_its_months_are_over_and_the_reminder_falls_inside_it() =>
        Prop.ForAll(Day(1500).ToArbitrary(), Gen.Choose(1, 24).ToArbitrary(), Gen.Choose(0, 800).ToArbitrary(), (conclusion, months, before) =>
        {
            var (validity, _) = ConclusionRules.Validity("测试", conclusion, true, Value(EntitlementParameters.SevereConclusionValidityMonths, (decimal)months));
            Assert.True(validity.ValidTo < conclusion.AddMonths(months) && validity.ValidTo >= conclusion.AddMonths(months).AddDays(-1));
            Assert.True(validity.ValidTo < conclusion.AddYears(2));
            var (reminder, _) = ConclusionRules.Reminder("测试", validity, Value(EntitlementParameters.ExpiryReminderDays, (decimal)before));
            Assert.True(reminder >= conclusion && reminder <= validity.ValidTo);
        });

    [Property(MaxTest = Runs)]
    public Property An_assessment_fee_splits_into_whole_fen_parts_that_add_up() =>
        Prop.ForAll(Scenarios.Yuan(0m, 5_000m).ToArbitrary(), Gen.Choose(0, 10_000).Select(r => r / 10_000m).ToArbitrary(), (fee, share) =>
        {
            var (split, _) = AssessmentFees.Split("测试", Value(EntitlementParameters.AssessmentFee, fee), Value(EntitlementParameters.AssessmentFeeFundShare, share));
            Assert.Equal(fee, split.FundPays + split.PersonPays);
            Assert.True(split.FundPays >= 0 && split.PersonPays >= 0);
            Assert.True(Scenarios.IsWholeFen(split.FundPays) && Scenarios.IsWholeFen(split.PersonPays));
            Assert.True(Math.Abs(split.FundPays - (fee * share)) <= 0.005m);
        });

    [Property(MaxTest = 100)]
    public Property Yulin_end_to_end_intervals_lie_within_validity_and_after_the_benefit_start() =>
        Prop.ForAll(Gen.Choose(0, 500).ToArbitrary(), Gen.Choose(0, 60).ToArbitrary(), Stay.ListOf().Select(l => l.Take(2).ToList()).ToArbitrary(), (conclusionOffset, serviceOffset, stays) =>
        {
            var rules = new PolicyCalculator().Entitlement(TenantIds.Yulin, new Dictionary<string, object?>
            {
                [CommonParameters.BenefitPaymentStart] = new DateOnly(2027, 1, 1),
                [EntitlementParameters.PublicityDays] = 7m,
                [EntitlementParameters.PublicityDayCounting] = EntitlementParameters.CalendarDays,
            });
            var conclusion = Origin.AddDays(conclusionOffset);
            var publicity = rules.Publicity(conclusion.AddDays(1)).Value;
            var start = rules.BenefitStart(conclusion, ConclusionKind.Initial, publicity, conclusion.AddDays(serviceOffset)).Value.EntitledFrom;
            var validity = rules.Validity(conclusion, true).Value;
            var result = rules.Intervals(start, validity, new EntitlementEvents(), stays).Value;
            Assert.True(start > publicity.Last);
            Assert.All(result.Intervals, i => Assert.True(i.From >= start && i.To <= validity.ValidTo));
        });
}
