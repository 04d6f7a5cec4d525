using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Policies.Rules;
using P = LtcInsurance.Domain.Policies.Zhenjiang.ZhenjiangParameters;

namespace LtcInsurance.Domain.Policies.Zhenjiang;

/// <summary>镇江市长期护理保险: employees city-wide, residents of 扬中市; yearly shares set locally.</summary>
public sealed class ZhenjiangScheme : CityScheme
{
    public override string Tenant => Tenants.TenantIds.Zhenjiang;

    public override string Title => "镇江市长期护理保险（镇政办发〔2023〕18号）";

    public override IReadOnlyList<ParameterDefinition> Parameters => P.All;

    protected override EligibilityResult Enrol(EligibilityInput input, PolicyContext context, DateOnly date)
    {
        var person = input.Person;
        // ZJ 二(一): employee medical insurance enrollees city-wide; resident enrollees only in 扬中市
        switch (person.MedicalInsurance)
        {
            case MedicalInsuranceScheme.Employee:
                return Decide(context, "ZJ 二(一)", true, SchemeKinds.Employee, "employee_medical_insurance", ("medicalInsurance", person.MedicalInsurance.Code()));
            case MedicalInsuranceScheme.Resident:
                var residentArea = context.Param(P.ResidentAreaCodes, date);
                var covered = InArea(person.RegionCode, residentArea.Texts);
                return Decide(
                    context,
                    residentArea.Clause,
                    covered,
                    SchemeKinds.Resident,
                    covered ? "resident_medical_insurance" : "resident_outside_covered_county",
                    ("medicalInsurance", person.MedicalInsurance.Code()),
                    ("regionCode", person.RegionCode));
            default:
                return Decide(context, "ZJ 二(一)", false, null, "no_medical_insurance", ("medicalInsurance", person.MedicalInsurance.Code()));
        }
    }

    protected override IEnumerable<ContributionLine> Contribute(ContributionInput input, string scheme, PolicyContext context, DateOnly date)
    {
        // ZJ 二(三): yearly; shares are local figures
        if (scheme == SchemeKinds.Employee)
        {
            var (lines, step) = FixedShares.Apply(
                "ZJ 二(三)",
                [
                    (Payers.Individual, context.Param(P.EmployeeIndividualShare, date)),
                    (Payers.MedicalFund, context.Param(P.EmployeeMedicalFundShare, date)),
                ]);
            context.Record(step);
            return lines;
        }

        var (residentLines, residentStep) = FixedShares.Apply(
            "ZJ 二(三)",
            [
                (Payers.Individual, context.Param(P.ResidentIndividualShare, date)),
                (Payers.MedicalFund, context.Param(P.ResidentMedicalFundShare, date)),
                (Payers.Fiscal, context.Param(P.ResidentFiscalShare, date)),
            ]);
        context.Record(residentStep);
        var individual = residentLines.Single(l => l.Payer == Payers.Individual).Amount;
        var (subsidy, subsidyStep) = StatusSubsidy.Apply(
            "ZJ 二(三)",
            individual,
            input.Person.Statuses,
            [(PersonStatus.MedicalAssistance, context.Param(P.MedicalAssistanceSubsidyRatio, date))]);
        context.Record(subsidyStep);
        return [.. StatusSubsidy.ShiftToFiscal(residentLines, individual, subsidy)];
    }

    protected override SettlementPlan Plan(SettlementInput input, PolicyContext context, DateOnly date) =>
        RatioWithLimitPlan(input, context, date, P.Modes, "ZJ 二(五)3", "ZJ 二(五)3、二(六)", P.FundRatio, P.MonthlyLimit);

    protected override string PeriodLabel(ContributionPeriod period) => period.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
