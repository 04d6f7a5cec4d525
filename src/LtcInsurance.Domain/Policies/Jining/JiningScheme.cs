using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Policies.Rules;
using P = LtcInsurance.Domain.Policies.Jining.JiningParameters;

namespace LtcInsurance.Domain.Policies.Jining;

/// <summary>济宁市居民长期护理保险试点: resident enrollees of six areas; ratio by mode and hospital level.</summary>
public sealed class JiningScheme : CityScheme
{
    public override string Tenant => Tenants.TenantIds.Jining;

    public override string Title => "济宁市居民长期护理保险试点";

    public override IReadOnlyList<ParameterDefinition> Parameters => P.All;

    protected override EligibilityResult Enrol(EligibilityInput input, PolicyContext context, DateOnly date)
    {
        var person = input.Person;
        // JN 一: the pilot covers resident medical insurance enrollees only
        return person.MedicalInsurance switch
        {
            MedicalInsuranceScheme.Resident => Decide(context, "JN 一", true, SchemeKinds.Resident, "resident_medical_insurance", ("medicalInsurance", person.MedicalInsurance.Code())),
            MedicalInsuranceScheme.Employee => Decide(context, "JN 一", false, null, "employee_not_in_resident_pilot", ("medicalInsurance", person.MedicalInsurance.Code())),
            _ => Decide(context, "JN 一", false, null, "no_medical_insurance", ("medicalInsurance", person.MedicalInsurance.Code())),
        };
    }

    protected override IEnumerable<ContributionLine> Contribute(ContributionInput input, string scheme, PolicyContext context, DateOnly date)
    {
        var (lines, step) = FixedShares.Apply(
            "JN 二",
            [(Payers.MedicalFund, context.Param(P.MedicalFundShare, date)), (Payers.Fiscal, context.Param(P.FiscalShare, date))]);
        context.Record(step);
        return lines;
    }

    protected override SettlementPlan Plan(SettlementInput input, PolicyContext context, DateOnly date)
    {
        if (!P.Modes.Contains(input.ServiceMode))
        {
            throw ModeNotOffered(input.ServiceMode, "JN 三(二)");
        }

        var screening = Screening(context, input.ServiceMode, date);
        var (ratio, step) = RatioByModeAndLevel.Select(
            "JN 三(二)",
            input.ServiceMode.Code(),
            input.ProviderMedicalInstitutionLevel,
            P.RatioByKey,
            name => context.Param(name, date));
        context.Record(step);
        return new SettlementPlan(screening, new RatioPayment("JN 三(二)", ratio, null), null);
    }

    protected override string PeriodLabel(ContributionPeriod period) => period.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
