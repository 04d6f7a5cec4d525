using LtcInsurance.Domain.Common;

namespace LtcInsurance.Domain.Assessment;

/// <summary>One named rule of the assessment path: code, clause and the message a clerk can read out.</summary>
public sealed record AssessmentRule(string Code, string Clause, string Message, bool Broken) : IBusinessRule
{
    public bool IsBroken() => Broken;

    /// <summary>Throws <see cref="BusinessRuleViolationException"/> when <paramref name="broken"/>.</summary>
    public static void Check(bool broken, string code, string clause, string message) =>
        BusinessRule.Check(new AssessmentRule(code, clause, message, broken));
}

/// <summary>The clauses the assessment path cites (national documents as reported; see docs/assessment.md).</summary>
public static class AssessmentClauses
{
    public const string Management = "医保发〔2023〕29号";
    public const string Application = "医保发〔2023〕29号 评估申请";
    public const string Acceptance = "医保发〔2023〕29号 受理审核";
    public const string Separation = "医保发〔2023〕29号（评估机构不得同时提供护理服务或承担经办）";
    public const string Recusal = "医保发〔2023〕29号（评估人员回避）";
    public const string OnSite = "医保发〔2023〕29号 现场评估（至少2名评估人员，其中至少1名评估专家；监护人或代理人在场）";
    public const string Conclusion = "医保发〔2023〕29号 提出结论（至少2名评估专家确认）";
    public const string Reapplication = "医保发〔2023〕29号（结论作出后6个月内不再受理，状况明显变化的除外）";
    public const string OrderedReassessment = "医保发〔2023〕29号（抽查发现失能状况变化的，经办机构要求重新评估，as reported）";
    public const string Handling = "医保办发〔2024〕22号";
    public const string Review = "医保发〔2023〕29号 公示与异议（公示期内提出异议的，由其他评估机构及人员复评，复评结论为最终结论）";
    /// <summary>The delivery deadline's clause; the number of working days is the tenant's <c>assessmentDeliveryWorkingDays</c> (default 30).</summary>
    public const string Delivery = "医保发〔2023〕29号 公示与送达（受理之日起30个工作日内作出结论并送达，as reported）";

    public const string AcceptanceDeadline = "医保办发〔2024〕22号（5个工作日内受理反馈）";
}

/// <summary>Stable codes of the assessment path's refusals (tests and problem types use them).</summary>
public static class AssessmentCodes
{
    public const string NotInsured = "applicant_not_insured";
    public const string NotInBenefitPopulation = "not_in_benefit_population";
    public const string DisabilityNotLasting = "disability_not_lasting";
    public const string ReapplicationTooSoon = "reapplication_too_soon";
    public const string NoConclusionToReassess = "no_conclusion_to_reassess";
    public const string BureauOnly = "ordered_reassessment_bureau_only";
    public const string DocumentsMissing = "documents_missing";
    public const string CompletionPeriodPassed = "completion_period_passed";
    public const string ApplicationNotFound = "application_not_found";
    public const string WrongStatus = "application_wrong_status";
    public const string ApplicationOpen = "application_already_open";
    public const string AgencyNotFound = "agency_not_found";
    public const string AgencyAgreement = "agency_agreement_not_in_force";
    public const string AgencyProvidesCare = "agency_provides_care";
    public const string AgencyIsHandling = "agency_is_handling_agency";
    public const string AssessorNotFound = "assessor_not_found";
    public const string AssessorOtherAgency = "assessor_of_other_agency";
    public const string AssessorRelated = "assessor_related";
    public const string TooFewStaff = "too_few_staff_on_site";
    public const string NoExpertOnSite = "no_expert_on_site";
    public const string NotAnExpert = "not_an_expert";
    public const string SecondExpertRequired = "second_expert_required";
    public const string AlreadyConfirmed = "already_confirmed";
    public const string AssessmentNotFound = "assessment_not_found";
    public const string InstitutionNotFound = "institution_not_found";
    public const string DuplicateCode = "duplicate_code";
    public const string ReviewAgencyRecused = "review_agency_recused";
    public const string ReviewStaffRecused = "review_staff_recused";
    public const string ReviewFinal = "review_conclusion_final";
    public const string PublicityStarted = "publicity_already_started";
    public const string NotPublicised = "conclusion_not_publicised";
    public const string ObjectionLodged = "objection_already_lodged";
    public const string AlreadyDelivered = "already_delivered";
    public const string NotConcluded = "not_concluded";
    public const string NotOwnInstitution = "not_own_institution";
    public const string AssessorUserMismatch = "assessor_user_not_of_agency";
    public const string NoticeNotIssued = "notice_not_issued";
    public const string NoticeAlreadyPrinted = "notice_already_printed";
}
