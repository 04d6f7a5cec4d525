using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Tests.Properties;

/// <summary>
/// Benefit start over generated enrolments and assessments: Yulin (YL 二(四)5, interpretations 7
/// and 8) and Zhenjiang (ZJ 二(五)1).
/// </summary>
public class EntitlementProperties
{
    private const int Runs = 200;
    private static readonly DateOnly YulinLaunch = new(2027, 1, 1);

    private static Gen<DateOnly> Day(DateOnly from, int days) => Gen.Choose(0, days).Select(from.AddDays);

    private static Gen<EntitlementInput> Inputs(DateOnly earliestEnrolment, DateOnly earliestConclusion) =>
        from since in Day(earliestEnrolment, 1400)
        from newborn in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from conclusion in Day(earliestConclusion, 1200)
        from publicity in Gen.Choose(0, 10)
        from service in Gen.Choose(-5, 300)
        select new EntitlementInput(new Enrolment(since, [], newborn), conclusion, conclusion.AddDays(publicity), conclusion.AddDays(service));

    private static EntitlementResult Entitlement(string tenant, EntitlementInput input) =>
        (EntitlementResult)Scenarios.Calculator.Evaluate(new PolicyCase(
            CaseKinds.Entitlement, tenant, input.ConclusionDate, input, new Dictionary<string, object?>())).Result;

    [Property(MaxTest = Runs)]
    public Property Yulin_benefits_start_with_service_after_publicity_and_after_any_six_month_wait() =>
        Prop.ForAll(Inputs(new DateOnly(2026, 1, 1), YulinLaunch).ToArbitrary(), input =>
        {
            var result = Entitlement(TenantIds.Yulin, input);
            var enrolment = input.Enrolment!;
            var waits = !enrolment.Newborn && enrolment.Since > YulinLaunch;
            // interpretation 7: from the enrolment date to the day before the same date six months later
            Assert.Equal(waits ? enrolment.Since.AddMonths(6).AddDays(-1) : null, result.WaitingPeriodUntil);

            var earliest = new[] { input.ServiceStart!.Value, input.PublicityEnds!.Value.AddDays(1) }
                .Concat(result.WaitingPeriodUntil is { } last ? [last.AddDays(1)] : Array.Empty<DateOnly>())
                .Max();
            Assert.Equal(earliest, result.EntitledFrom);
        });

    [Property(MaxTest = Runs)]
    public Property Zhenjiang_benefits_start_the_day_after_the_conclusion_without_waiting() =>
        Prop.ForAll(Inputs(new DateOnly(2023, 10, 1), new DateOnly(2023, 10, 1)).ToArbitrary(), input =>
        {
            var result = Entitlement(TenantIds.Zhenjiang, input);
            Assert.Null(result.WaitingPeriodUntil);
            Assert.Equal(input.ConclusionDate.AddDays(1), result.EntitledFrom);
        });
}
