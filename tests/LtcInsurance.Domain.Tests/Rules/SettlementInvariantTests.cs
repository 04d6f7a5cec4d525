using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using static LtcInsurance.Domain.Tests.Policies.Policy;

namespace LtcInsurance.Domain.Tests.Rules;

/// <summary>Invariants of any Yulin month, whatever the lines, stays and entitlement window.</summary>
public class SettlementInvariantTests
{
    private static readonly Gen<ServiceLine> LineGen =
        from day in Gen.Choose(1, 30)
        from category in Gen.Elements(LineCategories.All.ToArray())
        from cents in Gen.Choose(0, 30_000)
        select new ServiceLine(new DateOnly(2027, 6, day), category, "X", cents / 100m);

    private static readonly Gen<SettlementInput> MonthGen =
        from mode in Gen.Elements(ServiceMode.Home, ServiceMode.Community, ServiceMode.Institution)
        from level in Gen.Choose(3, 5)
        from lines in LineGen.ListOf()
        from entitledDay in Gen.Choose(1, 30)
        from admitted in Gen.Choose(1, 30)
        from length in Gen.Choose(0, 10)
        from hospital in Gen.Elements(true, false)
        from ytd in Gen.Choose(0, 19_000)
        select new SettlementInput(
            M("2027-06"),
            new Beneficiary(level, new DateOnly(2027, 6, entitledDay), null, ytd),
            mode,
            null,
            lines.ToList(),
            hospital ? [new HospitalStay(new DateOnly(2027, 6, admitted), new DateOnly(2027, 6, admitted).AddDays(length))] : []);

    [Property(MaxTest = 200)]
    [Trait("clause", "YL 二(四)4")]
    public Property Yulin_month_splits_every_bill_exactly_and_never_pays_beyond_its_limits()
    {
        return Prop.ForAll(MonthGen.ToArbitrary(), input =>
        {
            var result = Settle("yulin", input, YulinIncome36000);
            var left = Math.Max(0m, 18_000m - input.Beneficiary.YearToDateFundPaid);
            var coveredDays = result.Lines.Where(l => l.Rejected is null).Select(l => input.Lines[l.Index].Date).Distinct().Count();
            var modeCap = input.ServiceMode switch
            {
                ServiceMode.Home => 840m,
                ServiceMode.Community => 770m,
                _ => coveredDays * (input.Beneficiary.Level switch { 3 => 35m, 4 => 40m, _ => 45m }),
            };
            return result.Billed == result.FundPays + result.IndividualPays
                && result.FundPays == result.Lines.Sum(l => l.Fund)
                && result.Lines.All(l => l.Fund >= 0 && l.Fund <= input.Lines[l.Index].Amount && l.Fund + l.Individual == input.Lines[l.Index].Amount)
                && result.Lines.Where(l => l.Rejected is not null).All(l => l.Fund == 0)
                && result.FundPays <= left
                && result.FundPays <= modeCap;
        });
    }

    [Fact]
    public void Every_rule_of_the_engine_has_a_chinese_description()
    {
        var rules = typeof(RuleNames).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        Assert.All(rules, rule => Assert.NotEqual(rule, RuleNames.Describe(rule)));
    }
}
