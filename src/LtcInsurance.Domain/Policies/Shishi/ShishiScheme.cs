using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Policies.Rules;
using P = LtcInsurance.Domain.Policies.Shishi.ShishiParameters;

namespace LtcInsurance.Domain.Policies.Shishi;

/// <summary>石狮市长期护理保险试点: special groups only, fully publicly funded.</summary>
public sealed class ShishiScheme : CityScheme
{
    public override string Tenant => Tenants.TenantIds.Shishi;

    public override string Title => "石狮市长期护理保险试点（狮政综〔2020〕50号）";

    public override IReadOnlyList<ParameterDefinition> Parameters => P.All;

    protected override EligibilityResult Enrol(EligibilityInput input, PolicyContext context, DateOnly date)
    {
        var groups = context.Param(P.CoveredGroups, date);
        var inGroup = input.Person.Statuses.Any(groups.Texts.Contains);
        return Decide(
            context,
            groups.Clause,
            inGroup,
            SchemeKinds.SpecialGroups,
            inGroup ? "special_group" : "not_in_covered_group",
            ("statuses", input.Person.Statuses.ToList()));
    }

    protected override IEnumerable<ContributionLine> Contribute(ContributionInput input, string scheme, PolicyContext context, DateOnly date)
    {
        var (lines, step) = FixedShares.Apply(
            "SS 二(三)",
            [(Payers.Individual, context.Param(P.IndividualShare, date)), (Payers.Fiscal, context.Param(P.FiscalShare, date))]);
        context.Record(step);

        // SS 二(三): every insured person belongs to a pilot group, whose 12 yuan the city fiscal pays
        var individual = lines.Single(l => l.Payer == Payers.Individual).Amount;
        var groups = context.Param(P.CoveredGroups, date);
        var ratio = context.Param(P.SpecialGroupSubsidyRatio, date);
        var (subsidy, subsidyStep) = StatusSubsidy.Apply(
            ratio.Clause,
            individual,
            input.Person.Statuses,
            [.. groups.Texts.Select(g => (g, ratio))]);
        context.Record(subsidyStep);
        return [.. StatusSubsidy.ShiftToFiscal(lines, individual, subsidy)];
    }

    protected override SettlementPlan Plan(SettlementInput input, PolicyContext context, DateOnly date) =>
        RatioWithLimitPlan(input, context, date, P.Modes, "SS 二(五)1-2", "SS 二(五)", P.FundRatio, P.MonthlyLimit);

    protected override string PeriodLabel(ContributionPeriod period) => period.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
