using LtcInsurance.Domain.Common;

namespace LtcInsurance.Domain.Benefits;

/// <summary>One named rule of the path from a conclusion to benefits: code, clause and the message a clerk can read out.</summary>
public sealed record BenefitRule(string Code, string Clause, string Message, bool Broken) : IBusinessRule
{
    public bool IsBroken() => Broken;

    /// <summary>Throws <see cref="BusinessRuleViolationException"/> when <paramref name="broken"/>.</summary>
    public static void Check(bool broken, string code, string clause, string message) =>
        BusinessRule.Check(new BenefitRule(code, clause, message, broken));
}

/// <summary>The clauses the entitlement path cites (national documents as reported; see docs/assessment.md).</summary>
public static class BenefitClauses
{
    public const string Handling = "医保办发〔2024〕22号（待遇享受：选择服务方式与定点服务机构，签订护理服务计划）";
    public const string Conclusion = "医保发〔2023〕29号（公示无异议或复评后的评估结论作为享受待遇的依据）";
    public const string CarePlan = "医保办发〔2024〕22号（定点服务机构制定护理服务计划，经参保人确认后提供服务）";
    public const string Hospital = "入院与出院记录（住院期间待遇按各市规定暂停）";
    public const string Fee = "失能评估费（按评估次数由基金支付给评估机构；榆林 YL 三(六) 基金与个人分担并计入经办费用上限）";
}

/// <summary>Stable codes of the entitlement path's refusals.</summary>
public static class BenefitCodes
{
    public const string NotConcluded = "conclusion_not_final";
    public const string NotEligible = "conclusion_not_eligible";
    public const string PublicityRunning = "publicity_not_ended";
    public const string Superseded = "conclusion_superseded";
    public const string EntitlementExists = "entitlement_exists";
    public const string ModeNotOffered = "service_mode_not_offered";
    public const string InstitutionNotFound = "institution_not_found";
    public const string InstitutionMode = "institution_mode_not_admitted";
    public const string InstitutionInactive = "institution_inactive";
    public const string NoEntitlementDays = "no_entitlement_days";
    public const string EntitlementNotFound = "entitlement_not_found";
    public const string EntitlementEnded = "entitlement_ended";
    public const string NotYourInstitution = "not_your_institution";
    public const string CarePlanNotFound = "care_plan_not_found";
    public const string CarePlanConfirmed = "care_plan_already_confirmed";
    public const string CarePlanOutside = "care_plan_outside_entitlement";
    public const string PersonNotFound = "person_not_found";
    public const string StayOpen = "hospital_stay_open";
    public const string StayNotFound = "hospital_stay_not_found";
    public const string StayDischarged = "hospital_stay_discharged";
    public const string DischargeBeforeAdmission = "discharge_before_admission";
    public const string FeePosted = "assessment_fee_posted";
    public const string FeeCeiling = "agency_fee_ceiling_exceeded";
    public const string ApplicationNotFound = "application_not_found";
}
