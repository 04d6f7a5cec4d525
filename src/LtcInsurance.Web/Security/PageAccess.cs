using LtcInsurance.Application.Security;

namespace LtcInsurance.Web.Security;

/// <summary>
/// Which roles may open which part of the UI. Pages use these in <c>[Authorize(Roles = ...)]</c> and the
/// navigation shows a link only to the roles listed here, so the two cannot drift apart.
/// </summary>
public static class PageAccess
{
    public const string People = Roles.Clerk + "," + Roles.Admin;
    public const string Register = Roles.Clerk + "," + Roles.Admin;
    public const string Billing = Roles.Clerk + "," + Roles.Admin;
    public const string Institutions = Roles.Clerk + "," + Roles.Admin;
    public const string PolicyParameters = Roles.Clerk + "," + Roles.Institution + "," + Roles.Assessor + "," + Roles.Auditor + "," + Roles.Admin;
    /// <summary>政策参数 administration: clerks and auditors read, admins propose and decide (the use cases say so too).</summary>
    public const string ParameterAdministration = Roles.Clerk + "," + Roles.Auditor + "," + Roles.Admin;
    public const string MonthlyClaims = Roles.Institution;
    /// <summary>结算审核 (初审/复核/审定) and benefit statements: clerks act, admins and auditors read (the use cases say so too).</summary>
    public const string ClaimReview = Roles.Clerk + "," + Roles.Admin + "," + Roles.Auditor;
    /// <summary>费用拨付 batches and recoveries: clerks act, admins and auditors read.</summary>
    public const string ClaimPayments = Roles.Clerk + "," + Roles.Admin + "," + Roles.Auditor;
    /// <summary>评估: assessors work their agency's on-site assessments; clerks (and admins) keep the application queue; a care
    /// institution's users register and follow the applications it makes on people's behalf.</summary>
    public const string Assessments = Roles.Assessor + "," + Roles.Clerk + "," + Roles.Admin + "," + Roles.Institution;
    /// <summary>定点评估机构与评估人员: clerks and admins designate agencies, register staff and declare relations.</summary>
    public const string AssessmentAgencies = Roles.Clerk + "," + Roles.Admin;
    /// <summary>通知书打印队列: clerks print and deliver the notices (admins look on).</summary>
    public const string AssessmentNotices = Roles.Clerk + "," + Roles.Admin;
    /// <summary>API 密钥: an institution keeps its own REST API keys, a city admin those of every institution.</summary>
    public const string ApiKeys = Roles.Institution + "," + Roles.Admin;
    /// <summary>审计日志: auditors only (separate duties: the admin whose actions are on it does not read it by default).</summary>
    public const string Audit = Roles.Auditor;
    /// <summary>监管疑点: auditors record outcomes; clerks and admins look on and turn confirmed flags into sanctions.</summary>
    public const string Supervision = Roles.Auditor + "," + Roles.Clerk + "," + Roles.Admin;
    public const string FundLedger = Roles.Auditor + "," + Roles.Admin;
    /// <summary>看板、统计报表、基金预测: the city's auditors, admins and clerks (the use cases say so too).</summary>
    public const string Reports = Roles.Auditor + "," + Roles.Admin + "," + Roles.Clerk;
    public const string TenantsAndUsers = Roles.Admin;
    /// <summary>工作日历: the city's admin keeps its holidays and make-up working days.</summary>
    public const string WorkingCalendar = Roles.Admin;

    public static IEnumerable<string> RolesOf(string access) => access.Split(',');
}
