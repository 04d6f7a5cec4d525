using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Entitlement;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Tenants;
using static LtcInsurance.Domain.Tests.Policies.Policy;

namespace LtcInsurance.Domain.Tests.Entitlement;

/// <summary>
/// Issue #12 items 5–8 from the conclusion to benefits, per city: publicity and objection, validity, reminder and
/// re-assessment, benefit start, the entitlement's end, hospital days and the assessment fee. Values a document leaves
/// open are given as labelled test values (测试值), never shipped.
/// </summary>
public class EntitlementRulesTests
{
    public static TheoryData<string> Cities => [TenantIds.Zhenjiang, TenantIds.Shishi, TenantIds.Jining, TenantIds.Yuzhong, TenantIds.Yulin];

    /// <summary>The tenant's rules over the shipped values, with <see cref="Policy.TestValues"/> and <paramref name="values"/> on top.</summary>
    private static EntitlementRules Rules(string tenant, params (string Name, object? Value)[] values)
    {
        var all = new Dictionary<string, object?>(TestValues.GetValueOrDefault(tenant, new Dictionary<string, object?>()));
        foreach (var (name, value) in values)
        {
            all[name] = value;
        }

        return new PolicyCalculator().Entitlement(tenant, all);
    }

    /// <summary>TEST VALUES: 7 calendar days of publicity.</summary>
    private static readonly (string, object?)[] SevenCalendarDays =
        [(EntitlementParameters.PublicityDays, 7m), (EntitlementParameters.PublicityDayCounting, EntitlementParameters.CalendarDays)];

    private static ConclusionValidity Severe(string tenant, string conclusion) => Rules(tenant).Validity(D(conclusion), severe: true).Value;

    // ---- publicity and objection

    [Theory]
    [MemberData(nameof(Cities))]
    [Trait("clause", "医保发〔2023〕29号 公示")]
    public void No_city_document_fixes_the_publicity_period_so_it_is_refused_until_set(string tenant)
    {
        var error = Fails(() => Rules(tenant).Publicity(D("2027-06-01")));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
        Assert.Contains(EntitlementParameters.PublicityDays, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "YL 二(四)5")]
    public void Yulin_publicity_in_calendar_days_runs_from_the_posting_day_and_is_traced_to_its_clause()
    {
        var traced = Rules(TenantIds.Yulin, SevenCalendarDays).Publicity(D("2027-06-01"));
        Assert.Equal((D("2027-06-01"), D("2027-06-07")), (traced.Value.First, traced.Value.Last));
        var step = Assert.Single(traced.Trace);
        Assert.Equal(RuleNames.Publicity, step.Rule);
        Assert.StartsWith("YL 二(四)5", step.Clause, StringComparison.Ordinal);
        Assert.Equal([EntitlementParameters.PublicityDays, EntitlementParameters.PublicityDayCounting], step.Parameters.Select(p => p.Name));
        Assert.Equal(D("2027-06-01"), step.Inputs["start"]);
    }

    [Fact]
    [Trait("clause", "ZJ 二(四)")]
    public void Publicity_in_working_days_skips_a_national_holiday_and_counts_a_make_up_saturday()
    {
        // a calendar of the test: 2027-10-01..07 national holiday, Saturday 2027-10-09 a make-up working day (调休)
        static bool Working(DateOnly d) =>
            d == D("2027-10-09") || (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !(d >= D("2027-10-01") && d <= D("2027-10-07")));
        var rules = Rules(TenantIds.Zhenjiang, (EntitlementParameters.PublicityDays, 5m), (EntitlementParameters.PublicityDayCounting, EntitlementParameters.WorkingDays));
        var period = rules.Publicity(D("2027-09-30"), Working).Value;
        // Thu 09-30, Fri 10-08, Sat 10-09 (调休), Mon 10-11, Tue 10-12
        Assert.Equal((D("2027-09-30"), D("2027-10-12")), (period.First, period.Last));
        Assert.Equal(ErrorCodes.InvalidInput, Fails(() => rules.Publicity(D("2027-09-30"))).Code);
    }

    [Fact]
    [Trait("clause", "YL 二(四)5")]
    public void An_objection_is_accepted_only_during_the_publicity_and_leads_to_a_review()
    {
        var rules = Rules(TenantIds.Yulin, SevenCalendarDays);
        var publicity = rules.Publicity(D("2027-06-01")).Value;
        var inside = rules.Objection(publicity, ConclusionKind.Initial, D("2027-06-07"));
        Assert.Equal((true, EntitlementCodes.ReviewRequired), (inside.Value.Allowed, inside.Value.Refusal));
        Assert.Contains("回避", inside.Value.Message, StringComparison.Ordinal);
        Assert.Equal(RuleNames.Objection, Assert.Single(inside.Trace).Rule);
        var late = rules.Objection(publicity, ConclusionKind.Initial, D("2027-06-08")).Value;
        Assert.Equal((false, EntitlementCodes.ObjectionOutsidePublicity), (late.Allowed, late.Refusal));
        Assert.Contains("2027-06-01 至 2027-06-07", late.Message, StringComparison.Ordinal);
        Assert.False(rules.Objection(publicity, ConclusionKind.Initial, D("2027-05-31")).Value.Allowed);
    }

    [Fact]
    [Trait("clause", "医保发〔2023〕29号 复评")]
    public void A_review_conclusion_is_final_and_admits_no_second_objection()
    {
        var rules = Rules(TenantIds.Shishi, SevenCalendarDays);
        var publicity = rules.Publicity(D("2021-03-01")).Value;
        var decision = rules.Objection(publicity, ConclusionKind.Review, D("2021-03-02")).Value;
        Assert.Equal((false, EntitlementCodes.ReviewConclusionFinal), (decision.Allowed, decision.Refusal));
        Assert.StartsWith("SS 二(四)", decision.Clause, StringComparison.Ordinal);
    }

    // ---- validity, reminder, re-assessment

    [Theory]
    [MemberData(nameof(Cities))]
    [Trait("clause", "医保发〔2023〕29号 有效期")]
    public void A_severe_conclusion_is_valid_two_years_by_the_national_default_citing_its_document(string tenant)
    {
        var traced = Rules(tenant).Validity(D("2028-03-15"), severe: true);
        Assert.Equal(D("2030-03-14"), traced.Value.ValidTo);
        var months = Assert.Single(traced.ParametersUsed);
        Assert.Equal((EntitlementParameters.SevereConclusionValidityMonths, 24m, ParameterSource.Default), (months.Name, months.Number, months.Source));
        Assert.Contains(EntitlementParameters.NationalAssessmentRules, months.Clause, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "医保发〔2023〕29号 有效期")]
    public void A_tenant_may_shorten_the_severe_validity_but_not_beyond_two_years()
    {
        Assert.Equal(D("2029-03-14"), Rules(TenantIds.Zhenjiang, (EntitlementParameters.SevereConclusionValidityMonths, 12m)).Validity(D("2028-03-15"), true).Value.ValidTo);
        var error = Fails(() => Rules(TenantIds.Zhenjiang, (EntitlementParameters.SevereConclusionValidityMonths, 30m)).Validity(D("2028-03-15"), true));
        Assert.Equal(EntitlementCodes.ParameterOutOfRange, error.Code);
    }

    [Fact]
    [Trait("clause", "ZJ 二(二)")]
    public void A_non_severe_conclusion_has_no_validity_until_the_tenant_sets_one()
    {
        Assert.Equal(ErrorCodes.ParameterMissing, Fails(() => Rules(TenantIds.Zhenjiang).Validity(D("2028-03-15"), severe: false)).Code);
        Assert.Equal(D("2028-09-14"), Rules(TenantIds.Zhenjiang, (EntitlementParameters.OtherConclusionValidityMonths, 6m)).Validity(D("2028-03-15"), false).Value.ValidTo);
    }

    [Fact]
    [Trait("clause", "医保发〔2023〕29号 届满前重新评估")]
    public void The_expiry_reminder_has_no_default_and_falls_the_set_days_before_the_last_valid_day()
    {
        var validity = Severe(TenantIds.Yuzhong, "2028-03-15");
        Assert.Equal(ErrorCodes.ParameterMissing, Fails(() => Rules(TenantIds.Yuzhong).ExpiryReminder(validity)).Code);
        var traced = Rules(TenantIds.Yuzhong, (EntitlementParameters.ExpiryReminderDays, 60m)).ExpiryReminder(validity);
        Assert.Equal(D("2030-01-13"), traced.Value);
        Assert.Equal(RuleNames.ExpiryReminder, Assert.Single(traced.Trace).Rule);
    }

    [Fact]
    [Trait("clause", "医保发〔2023〕29号 重新评估")]
    public void A_re_assessment_on_request_waits_six_months_unless_the_condition_changed()
    {
        var rules = Rules(TenantIds.Yulin);
        var early = rules.Reassessment(D("2027-06-15"), D("2027-12-14"), ReassessmentGround.PersonRequest);
        Assert.Equal((false, EntitlementCodes.ReassessmentTooEarly), (early.Value.Allowed, early.Value.Refusal));
        Assert.Contains("2027-12-15", early.Value.Message, StringComparison.Ordinal);
        Assert.Contains(EntitlementParameters.NationalAssessmentRules, early.Value.Clause, StringComparison.Ordinal);
        Assert.True(rules.Reassessment(D("2027-06-15"), D("2027-12-15"), ReassessmentGround.PersonRequest).Value.Allowed);
        Assert.True(rules.Reassessment(D("2027-06-15"), D("2027-06-20"), ReassessmentGround.ConditionChanged).Value.Allowed);
        Assert.True(rules.Reassessment(D("2027-06-15"), D("2027-06-20"), ReassessmentGround.SpotCheckOrdered).Value.Allowed);
    }

    // ---- benefit start through the city modules

    [Fact]
    [Trait("clause", "ZJ 二(五)1")]
    public void Zhenjiang_benefits_start_the_day_after_the_conclusion_without_waiting_for_publicity()
    {
        var traced = Rules(TenantIds.Zhenjiang).BenefitStart(D("2028-03-15"), ConclusionKind.Initial, publicity: null, serviceStart: null);
        Assert.Equal(D("2028-03-16"), traced.Value.EntitledFrom);
        Assert.Contains(traced.Trace, s => s.Rule == RuleNames.BenefitStart && s.Clause == "ZJ 二(五)1");
    }

    [Fact]
    [Trait("clause", "YL 二(四)5")]
    public void Yulin_benefits_start_after_publicity_from_the_first_service_day_and_after_a_waiting_period()
    {
        var rules = Rules(TenantIds.Yulin, SevenCalendarDays);
        Assert.Equal(EntitlementCodes.PublicityRequired,
            Fails(() => rules.BenefitStart(D("2027-06-01"), ConclusionKind.Initial, null, D("2027-06-20"))).Code);
        var publicity = rules.Publicity(D("2027-06-02")).Value; // 06-02 .. 06-08
        Assert.Equal(D("2027-06-09"), rules.BenefitStart(D("2027-06-01"), ConclusionKind.Initial, publicity, D("2027-06-03")).Value.EntitledFrom);
        Assert.Equal(D("2027-06-20"), rules.BenefitStart(D("2027-06-01"), ConclusionKind.Initial, publicity, D("2027-06-20")).Value.EntitledFrom);
        // enrolled 2027-03-15 after the launch: waits to 2027-09-14 (YL 二(四)5 激励约束)
        var late = rules.BenefitStart(D("2027-06-01"), ConclusionKind.Initial, publicity, D("2027-06-20"), new Enrolment(D("2027-03-15"), [], false));
        Assert.Equal((D("2027-09-15"), D("2027-09-14")), (late.Value.EntitledFrom, late.Value.WaitingPeriodUntil));
        Assert.Contains(late.Trace, s => s.Rule == RuleNames.WaitingPeriod);
    }

    [Fact]
    [Trait("clause", "YL 二(四)5")]
    public void A_final_review_conclusion_in_Yulin_is_not_publicised_again()
    {
        var result = Rules(TenantIds.Yulin).BenefitStart(D("2027-07-10"), ConclusionKind.Review, null, D("2027-07-05")).Value;
        Assert.Equal(D("2027-07-11"), result.EntitledFrom);
    }

    [Theory]
    [InlineData(TenantIds.Shishi, "2021-03-01")]
    [InlineData(TenantIds.Jining, "2023-03-01")]
    [InlineData(TenantIds.Yuzhong, "2023-03-01")]
    [Trait("clause", "SS 二(四), JN 三(一), YZ 四(二)")]
    public void Cities_silent_on_the_benefit_start_refuse_until_the_tenant_chooses_a_rule(string tenant, string conclusion)
    {
        Assert.Equal(ErrorCodes.ParameterMissing,
            Fails(() => Rules(tenant, (CommonParameters.BenefitStartRule, null)).BenefitStart(D(conclusion), ConclusionKind.Initial, null, null)).Code);
        var rules = Rules(tenant, (CommonParameters.BenefitStartRule, CommonParameters.StartDayAfterPublicity), SevenCalendarDays[0], SevenCalendarDays[1]);
        var publicity = rules.Publicity(D(conclusion).AddDays(1)).Value;
        Assert.Equal(publicity.Last.AddDays(1), rules.BenefitStart(D(conclusion), ConclusionKind.Initial, publicity, null).Value.EntitledFrom);
    }

    // ---- entitlement intervals

    [Theory]
    [InlineData(null, null, null, null, "2030-03-14", EntitlementEndReasons.ValidityEnd)]
    [InlineData("2029-01-10", null, null, null, "2029-01-10", EntitlementEndReasons.Death)]
    [InlineData(null, "2029-01-10", null, null, "2029-01-09", EntitlementEndReasons.InsuranceLost)]
    [InlineData(null, null, "2029-05-01", null, "2029-05-01", EntitlementEndReasons.NewConclusion)]
    [InlineData(null, null, "2029-05-01", "2029-05-02", "2029-05-01", EntitlementEndReasons.NewConclusion)]
    [InlineData("2029-06-01", "2029-02-01", "2029-05-01", null, "2029-01-31", EntitlementEndReasons.InsuranceLost)]
    [InlineData(null, null, "2030-01-01", "2030-06-01", "2030-03-14", EntitlementEndReasons.ValidityEnd)]
    [Trait("clause", "ZJ 二(五)1; 医保发〔2023〕29号")]
    public void Zhenjiang_entitlement_ends_at_the_earliest_of_validity_end_death_loss_of_insurance_or_a_new_conclusion(
        string? death, string? lost, string? newConclusion, string? newStart, string lastDay, string reason)
    {
        var rules = Rules(TenantIds.Zhenjiang);
        var validity = rules.Validity(D("2028-03-15"), true).Value;
        static DateOnly? Day(string? text) => text is null ? null : D(text);
        var traced = rules.Intervals(D("2028-03-16"), validity, new EntitlementEvents(Day(death), Day(lost), Day(newConclusion), Day(newStart)), []);
        Assert.Equal((D("2028-03-16"), D(lastDay), reason), (traced.Value.Span!.From, traced.Value.Span.To, traced.Value.EndReason));
        Assert.Equal([new DateRange(D("2028-03-16"), D(lastDay))], traced.Value.Intervals);
        Assert.Contains(traced.Trace, s => s.Rule == RuleNames.EntitlementEnd && s.Clause == "ZJ 二(五)1");
    }

    [Fact]
    [Trait("clause", "YL 二(四)5")]
    public void Death_before_the_first_service_day_leaves_no_entitlement()
    {
        var rules = Rules(TenantIds.Yulin);
        var validity = rules.Validity(D("2027-06-01"), true).Value;
        var result = rules.Intervals(D("2027-06-20"), validity, new EntitlementEvents(Death: D("2027-06-15")), []).Value;
        Assert.Null(result.Span);
        Assert.Equal(EntitlementEndReasons.Death, result.EndReason);
        Assert.Empty(result.Intervals);
    }

    [Fact]
    [Trait("clause", "YL 二(四)5")]
    public void Yulin_removes_hospital_days_from_the_day_after_admission_to_discharge()
    {
        var rules = Rules(TenantIds.Yulin);
        var validity = rules.Validity(D("2027-06-01"), true).Value;
        var traced = rules.Intervals(D("2027-06-20"), validity, new EntitlementEvents(),
            [new HospitalStay(D("2027-08-10"), D("2027-08-15")), new HospitalStay(D("2027-09-01"), D("2027-09-01"))]);
        Assert.Equal(
            [new DateRange(D("2027-06-20"), D("2027-08-10")), new DateRange(D("2027-08-16"), D("2029-05-31"))],
            traced.Value.Intervals);
        var step = traced.Trace.Single(s => s.Rule == RuleNames.HospitalSuspension);
        Assert.Equal("YL 二(四)5", step.Clause);
        Assert.Equal(CommonParameters.SuspendDuringHospitalStay, Assert.Single(step.Parameters).Name);
    }

    [Fact]
    [Trait("clause", "SS 二(五)4(3)")]
    public void Shishi_suspends_benefits_during_an_inpatient_stay_still_running()
    {
        var kept = Rules(TenantIds.Shishi).WithoutHospitalDays([new DateRange(D("2021-03-01"), D("2021-12-31"))], [new HospitalStay(D("2021-05-01"), null)]);
        Assert.Equal([new DateRange(D("2021-03-01"), D("2021-05-01"))], kept.Value);
    }

    [Theory]
    [InlineData(TenantIds.Zhenjiang, "ZJ 二(五)4")]
    [InlineData(TenantIds.Jining, "JN 三(三)")]
    [InlineData(TenantIds.Yuzhong, "YZ 四(四)")]
    [Trait("clause", "ZJ 二(五)4, JN 三(三), YZ 四(四)")]
    public void Cities_silent_on_hospital_stays_refuse_only_when_a_stay_overlaps_the_entitlement(string tenant, string clause)
    {
        IReadOnlyList<DateRange> entitled = [new DateRange(D("2028-01-01"), D("2028-12-31"))];
        HospitalStay[] inside = [new HospitalStay(D("2028-05-01"), D("2028-05-10"))];
        var error = Fails(() => Rules(tenant).WithoutHospitalDays(entitled, inside));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
        var outside = Rules(tenant).WithoutHospitalDays(entitled, [new HospitalStay(D("2027-05-01"), D("2027-05-10"))]);
        Assert.Equal(entitled, outside.Value);
        Assert.StartsWith(clause, Assert.Single(outside.Trace).Clause, StringComparison.Ordinal);
        Assert.Equal(entitled, Rules(tenant, (CommonParameters.SuspendDuringHospitalStay, false)).WithoutHospitalDays(entitled, inside).Value);
        Assert.Equal(3, Rules(tenant, (CommonParameters.SuspendDuringHospitalStay, true)).WithoutHospitalDays(entitled, [.. inside, new HospitalStay(D("2028-07-01"), D("2028-07-02"))]).Value.Count);
    }

    // ---- a whole path

    [Fact]
    [Trait("clause", "ZJ 二(五)1; 医保发〔2023〕29号 复评")]
    public void Zhenjiang_an_objection_leads_to_a_final_review_whose_conclusion_supersedes_the_first()
    {
        var rules = Rules(TenantIds.Zhenjiang, SevenCalendarDays);
        var first = D("2028-03-15");
        var publicity = rules.Publicity(first.AddDays(1)).Value; // 03-16 .. 03-22
        var firstStart = rules.BenefitStart(first, ConclusionKind.Initial, publicity, null).Value.EntitledFrom;
        Assert.True(rules.Objection(publicity, ConclusionKind.Initial, D("2028-03-20")).Value.Allowed);
        var review = D("2028-04-10");
        var reviewStart = rules.BenefitStart(review, ConclusionKind.Review, null, null).Value.EntitledFrom;
        // the first conclusion's entitlement runs until the day before the review's own benefits start
        var firstIntervals = rules.Intervals(firstStart, rules.Validity(first, true).Value,
            new EntitlementEvents(NewConclusion: review, NewBenefitStart: reviewStart), []).Value;
        Assert.Equal((D("2028-03-16"), D("2028-04-10"), EntitlementEndReasons.NewConclusion),
            (firstIntervals.Span!.From, firstIntervals.Span.To, firstIntervals.EndReason));
        Assert.Equal(D("2028-04-11"), reviewStart);
        // the review is final: a second objection is refused; its entitlement runs to its own validity end
        var reviewPublicity = rules.Publicity(review.AddDays(1)).Value;
        Assert.Equal(EntitlementCodes.ReviewConclusionFinal, rules.Objection(reviewPublicity, ConclusionKind.Review, review.AddDays(2)).Value.Refusal);
        var reviewIntervals = rules.Intervals(reviewStart, rules.Validity(review, true).Value, new EntitlementEvents(), []).Value;
        Assert.Equal([new DateRange(D("2028-04-11"), D("2030-04-09"))], reviewIntervals.Intervals);
    }

    // ---- assessment fees

    [Theory]
    [MemberData(nameof(Cities))]
    [Trait("clause", "ZJ 二(四), SS 二(四), JN 三(一), YZ 四(二), YL 三(一)")]
    public void No_city_document_fixes_the_assessment_fee(string tenant)
    {
        var error = Fails(() => Rules(tenant).AssessmentFee(D("2028-03-15")));
        Assert.Equal(ErrorCodes.ParameterMissing, error.Code);
        Assert.Contains(EntitlementParameters.AssessmentFee, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TenantIds.Zhenjiang, "ZJ 二(四)")]
    [InlineData(TenantIds.Shishi, "SS 二(四)")]
    [InlineData(TenantIds.Jining, "JN 三(一)")]
    [InlineData(TenantIds.Yuzhong, "YZ 四(二)")]
    [Trait("clause", "ZJ 二(四), SS 二(四), JN 三(一), YZ 四(二)")]
    public void Outside_Yulin_the_fund_pays_the_whole_assessment_fee(string tenant, string clause)
    {
        var traced = Rules(tenant, (EntitlementParameters.AssessmentFee, 260m)).AssessmentFee(D("2028-03-15"));
        Assert.Equal(new AssessmentFeeSplit(260m, 260m, 0m), traced.Value);
        var step = Assert.Single(traced.Trace);
        Assert.Equal((RuleNames.AssessmentFee, clause), (step.Rule, step.Clause));
    }

    [Fact]
    [Trait("clause", "YL 三(一)")]
    public void Yulin_shares_the_assessment_fee_between_fund_and_person_by_a_parameter_without_default()
    {
        Assert.Equal(ErrorCodes.ParameterMissing, Fails(() => Rules(TenantIds.Yulin, (EntitlementParameters.AssessmentFee, 300m)).AssessmentFee(D("2027-06-01"))).Code);
        var split = Rules(TenantIds.Yulin, (EntitlementParameters.AssessmentFee, 333.33m), (EntitlementParameters.AssessmentFeeFundShare, 0.7m)).AssessmentFee(D("2027-06-01")).Value;
        Assert.Equal(new AssessmentFeeSplit(333.33m, 233.33m, 100.00m), split);
    }

    [Fact]
    [Trait("clause", "YL 三(六)")]
    public void Yulin_counts_the_fund_part_of_an_assessment_fee_in_its_five_percent_agency_fee_ceiling()
    {
        var rules = Rules(TenantIds.Yulin, (EntitlementParameters.AssessmentFee, 300m), (EntitlementParameters.AssessmentFeeFundShare, 0.5m));
        var fee = rules.AssessmentFee(D("2027-06-01")).Value;
        // funding 100,000: ceiling 5,000; 4,700 already spent on agency fees and 100 on assessments
        var traced = rules.CountInAgencyFeeCeiling(fee, 2027, 100_000m, 4_700m, 100m);
        var check = traced.Value!;
        Assert.Equal((150m, 4_950m, 5_000m, false), (check.Counted, check.Usage.FeesCounted, check.Usage.Ceiling, check.ExceedsBindingCeiling));
        var step = Assert.Single(traced.Trace);
        Assert.Equal((RuleNames.AgencyFeeCeiling, "YL 三(六)"), (step.Rule, step.Clause));
        Assert.Contains(step.Parameters, p => p.Name == LtcInsurance.Domain.Ledger.AgencyFeeCeilingParameters.Ratio && p.Number == 0.05m);
        Assert.True(rules.CountInAgencyFeeCeiling(fee, 2027, 100_000m, 4_800m, 100m).Value!.ExceedsBindingCeiling);
    }

    [Fact]
    [Trait("clause", "JN 六")]
    public void Jining_ceiling_leaves_assessment_fees_out_and_Zhenjiang_has_no_ceiling()
    {
        var jining = Rules(TenantIds.Jining, (EntitlementParameters.AssessmentFee, 200m));
        var check = jining.CountInAgencyFeeCeiling(jining.AssessmentFee(D("2023-03-01")).Value, 2023, 100_000m, 1_000m, 0m).Value!;
        Assert.Equal((0m, 1_000m, false), (check.Counted, check.Usage.FeesCounted, check.ExceedsBindingCeiling));
        var zhenjiang = Rules(TenantIds.Zhenjiang, (EntitlementParameters.AssessmentFee, 200m));
        var none = zhenjiang.CountInAgencyFeeCeiling(zhenjiang.AssessmentFee(D("2028-03-01")).Value, 2028, 100_000m, 0m, 0m);
        Assert.Null(none.Value);
        Assert.Empty(none.Trace);
    }

    // ---- the parameters as administration lists them

    [Theory]
    [MemberData(nameof(Cities))]
    public void Every_city_declares_the_family_with_kind_unit_clause_and_only_national_figures_have_defaults(string tenant)
    {
        var definitions = PolicyCalculator.DefaultParameters[tenant].ToDictionary(d => d.Name);
        string[] names =
        [
            EntitlementParameters.PublicityDays, EntitlementParameters.PublicityDayCounting, EntitlementParameters.SevereConclusionValidityMonths,
            EntitlementParameters.OtherConclusionValidityMonths, EntitlementParameters.ExpiryReminderDays, EntitlementParameters.ReassessmentAfterMonths,
            EntitlementParameters.AssessmentFee, EntitlementParameters.AssessmentFeeFundShare,
        ];
        Assert.All(names, name =>
        {
            var definition = definitions[name];
            Assert.Equal("assessment", EntitlementParameters.TopicOf(name));
            Assert.False(string.IsNullOrWhiteSpace(definition.Unit));
            Assert.Matches("^(ZJ|SS|JN|YZ|YL) ", definition.Clause);
            var value = definition.ValueOn(new DateOnly(2030, 1, 1))!.Value;
            if (name is EntitlementParameters.SevereConclusionValidityMonths or EntitlementParameters.ReassessmentAfterMonths)
            {
                Assert.NotNull(value);
                Assert.Contains(EntitlementParameters.NationalAssessmentRules, definition.ValueOn(new DateOnly(2030, 1, 1))!.Note, StringComparison.Ordinal);
            }
            else if (name != EntitlementParameters.AssessmentFeeFundShare || tenant == TenantIds.Yulin)
            {
                Assert.Null(value);
            }
        });
        Assert.Equal(EntitlementParameters.DayCountings, CommonParameters.AllowedCodes(EntitlementParameters.PublicityDayCounting));
        Assert.NotNull(ParameterValueText.TryParse(definitions[EntitlementParameters.PublicityDayCounting], "working_days", out _));
        Assert.Null(ParameterValueText.TryParse(definitions[EntitlementParameters.PublicityDayCounting], "weekdays", out var error));
        Assert.NotNull(error);
    }
}
