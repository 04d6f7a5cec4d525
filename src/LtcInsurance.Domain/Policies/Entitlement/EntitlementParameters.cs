using LtcInsurance.Domain.Policies.Parameters;
using static LtcInsurance.Domain.Policies.Parameters.ParameterDefinition;

namespace LtcInsurance.Domain.Policies.Entitlement;

/// <summary>
/// The figures of the path from an assessment conclusion to benefits (issue #12 items 5–8): publicity, validity,
/// re-assessment, the assessment fee. Each city module declares them with its own clause. The five documents fix none
/// of publicity, reminder or fee: those ship without a value (<c>parameter_missing</c> until an admin sets them). The
/// national 医保发〔2023〕29号 gives two figures (severe conclusions valid at most 2 years, re-assessment on request after 6
/// months): they ship as national defaults citing it, "as reported; check against the official text"
/// (<c>docs/policies/national.md</c>), and a tenant may change them.
/// </summary>
public static class EntitlementParameters
{
    /// <summary>Length of the publicity (公示) of a conclusion, in days counted as <see cref="PublicityDayCounting"/> says.</summary>
    public const string PublicityDays = "publicityDays";

    /// <summary>How the publicity's days are counted: <see cref="CalendarDays"/> or <see cref="WorkingDays"/>.</summary>
    public const string PublicityDayCounting = "publicityDayCounting";

    /// <summary>Validity of a severe conclusion in months (29号: at most 2 years).</summary>
    public const string SevereConclusionValidityMonths = "severeConclusionValidityMonths";

    /// <summary>Validity of a conclusion that is not severe but opens benefits (a tenant that covers moderate disability).</summary>
    public const string OtherConclusionValidityMonths = "otherConclusionValidityMonths";

    /// <summary>How many days before a conclusion expires the person and the agency are reminded to re-assess.</summary>
    public const string ExpiryReminderDays = "expiryReminderDays";

    /// <summary>Months after a conclusion before the person may ask for a re-assessment without a change of condition (29号).</summary>
    public const string ReassessmentAfterMonths = "reassessmentAfterMonths";

    /// <summary>The fee of one assessment (评估费), in yuan.</summary>
    public const string AssessmentFee = "assessmentFee";

    /// <summary>The fund's share of the assessment fee (the rest is the person's); 1 where the fund pays it all.</summary>
    public const string AssessmentFeeFundShare = "assessmentFeeFundShare";

    public const string CalendarDays = "calendar_days";
    public const string WorkingDays = "working_days";

    public static readonly IReadOnlyList<string> DayCountings = [CalendarDays, WorkingDays];

    /// <summary>The national document the defaults cite (grade C in the team's sources: as reported).</summary>
    public const string NationalAssessmentRules = "医保发〔2023〕29号";

    /// <summary>29号 (as reported): a severe conclusion is valid for at most 2 years; a tenant may set less, never more.</summary>
    public const int MaximumSevereValidityMonths = 24;

    private const string AsReported = "全国规定默认值（据二手资料转述，以官方文本为准）：" + NationalAssessmentRules;

    /// <summary>
    /// The definitions a city declares. <paramref name="assessmentClause"/> is the city's clause on assessment (a clause
    /// id such as <c>ZJ 二(四)</c>), <paramref name="publicityClause"/> where it speaks of publicising the result (or its
    /// assessment clause when it is silent), <paramref name="feeClause"/> where it says who pays the assessment;
    /// <paramref name="fundShare"/> the fund's share the document states (1 where the fund pays), null where it leaves
    /// the split to local rules (Yulin).
    /// </summary>
    public static IEnumerable<ParameterDefinition> For(string assessmentClause, string publicityClause, string feeClause, decimal? fundShare, string? fundShareNote = null)
    {
        yield return WithoutValue(PublicityDays, ParameterKind.Count, "days", $"{publicityClause}（评估结论公示；公示期限文件未规定）", "评估结论公示期（天数）");
        yield return WithoutValue(PublicityDayCounting, ParameterKind.Text, "counting", $"{publicityClause}（公示期按自然日或工作日计算，文件未规定）",
            "公示期的计算方式（calendar_days 自然日 / working_days 工作日）");
        yield return new(SevereConclusionValidityMonths, ParameterKind.Count, "months",
            $"{assessmentClause}（重度失能评估结论有效期最长2年：{NationalAssessmentRules}，据转述，以官方文本为准）", "重度失能评估结论有效期（月，不超过24）",
            [new DatedValue(DateOnly.MinValue, (decimal)MaximumSevereValidityMonths, AsReported)]);
        yield return WithoutValue(OtherConclusionValidityMonths, ParameterKind.Count, "months",
            $"{assessmentClause}（非重度评估结论有效期，文件未规定）", "非重度（享受待遇的）评估结论有效期（月）");
        yield return WithoutValue(ExpiryReminderDays, ParameterKind.Count, "days before expiry",
            $"{assessmentClause}（有效期届满前复评提醒：{NationalAssessmentRules}要求届满前重新评估，提前天数未规定）", "评估结论到期前提醒天数");
        yield return new(ReassessmentAfterMonths, ParameterKind.Count, "months",
            $"{assessmentClause}（结论作出满6个月后方可申请重新评估，失能状况变化除外：{NationalAssessmentRules}，据转述，以官方文本为准）",
            "申请重新评估须距上次评估结论的月数（失能状况发生变化的除外）",
            [new DatedValue(DateOnly.MinValue, 6m, AsReported)]);
        yield return WithoutValue(AssessmentFee, ParameterKind.Amount, "yuan/assessment", $"{feeClause}（评估费标准文件未规定）", "每次失能评估的评估费");
        yield return fundShare is { } share
            ? new(AssessmentFeeFundShare, ParameterKind.Ratio, "ratio", feeClause, "评估费由长护险基金支付的比例（其余由个人负担）",
                [new DatedValue(DateOnly.MinValue, share, fundShareNote)])
            : WithoutValue(AssessmentFeeFundShare, ParameterKind.Ratio, "ratio", $"{feeClause}（基金与个人分担，比例文件未规定）",
                "评估费由长护险基金支付的比例（其余由个人负担）");
    }

    /// <summary>The codes a text parameter of this family may hold, or null.</summary>
    public static IReadOnlyList<string>? AllowedCodes(string name) => name == PublicityDayCounting ? DayCountings : null;

    /// <summary>
    /// The administration topic of a parameter of this family (the parameter-status listing groups by topic and says
    /// what an unset one blocks): every one of them governs the assessment's path (失能评估). Null for other names.
    /// </summary>
    public static string? TopicOf(string name) => name switch
    {
        PublicityDays or PublicityDayCounting or SevereConclusionValidityMonths or OtherConclusionValidityMonths
            or ExpiryReminderDays or ReassessmentAfterMonths or AssessmentFee or AssessmentFeeFundShare => "assessment",
        _ => null,
    };
}
