using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Policies.Rules;
using P = LtcInsurance.Domain.Policies.Yuzhong.YuzhongParameters;

namespace LtcInsurance.Domain.Policies.Yuzhong;

/// <summary>渝中区长期护理保险试点: employee enrollees; benefits computed per day.</summary>
public sealed class YuzhongScheme : CityScheme
{
    public override string Tenant => Tenants.TenantIds.Yuzhong;

    public override string Title => "渝中区长期护理保险制度试点";

    public override IReadOnlyList<ParameterDefinition> Parameters => P.All;

    protected override EligibilityResult Enrol(EligibilityInput input, PolicyContext context, DateOnly date)
    {
        var employee = input.Person.MedicalInsurance == MedicalInsuranceScheme.Employee;
        return Decide(
            context,
            "YZ 三",
            employee,
            SchemeKinds.Employee,
            employee ? "employee_medical_insurance" : "not_employee_medical_insurance",
            ("medicalInsurance", input.Person.MedicalInsurance.Code()));
    }

    protected override IEnumerable<ContributionLine> Contribute(ContributionInput input, string scheme, PolicyContext context, DateOnly date)
    {
        var (lines, step) = FixedShares.Apply(
            "YZ 二、三",
            [
                (Payers.Individual, context.Param(P.IndividualShare, date)),
                (Payers.Employer, context.Param(P.EmployerShare, date)),
                (Payers.Fiscal, context.Param(P.FiscalShare, date)),
            ]);
        context.Record(step);
        return lines;
    }

    protected override SettlementPlan Plan(SettlementInput input, PolicyContext context, DateOnly date)
    {
        if (!P.Modes.Contains(input.ServiceMode))
        {
            throw ModeNotOffered(input.ServiceMode, "YZ 四(一)1、四(四)");
        }

        var screening = Screening(context, input.ServiceMode, date);
        var payment = new PerDiemPayment("YZ 四(四)", input.Beneficiary.Level ?? 0, context.Param(P.PerDiem(input.ServiceMode), date));
        return new SettlementPlan(screening, payment, null);
    }

    protected override string PeriodLabel(ContributionPeriod period) => period.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
