using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Application.Policies.ListPolicyParameters;

/// <summary>
/// Groups a tenant's parameters by the part of the scheme they govern, in the order a reader meets them
/// in a policy document: who is covered, who pays, assessment, when benefits start, how services are paid.
/// The engine names parameters by convention (e.g. <c>fundRatio.home</c>), so the topic follows the name.
/// </summary>
internal static class ParameterTopics
{
    public const string Scope = "scope";
    public const string Funding = "funding";
    public const string Assessment = "assessment";
    public const string BenefitStart = "start";
    public const string Payment = "payment";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> Ordered = [Scope, Funding, Assessment, BenefitStart, Payment, Other];

    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var stem = name.Split('.')[0];
        if (Domain.Policies.Entitlement.EntitlementParameters.TopicOf(stem) is { } topic)
            return topic; // publicity, validity, re-assessment and the assessment fee (its fund share is no contribution share)
        return stem switch
        {
            "schemeStart" or "schemeAreaCodes" or "residentAreaCodes" or "coveredGroups" or "minorAge" => Scope,
            "assessmentInstrument" or "barthelBenefitBands" or "national2021MinimumLevel" or "minimumDisabilityMonths"
                or "assessmentApplicationCompletionDays" or "assessmentAcceptanceWorkingDays" => Assessment,
            "benefitStartRule" or "waitingPeriodMonths" or "waitingPeriodExtraMonthsPerGapYear" => BenefitStart,
            "coveredCategories" or "fundRatio" or "monthlyLimit" or "perDiem" or "annualCeilingRatio"
                or "previousYearDisposableIncomePerCapita" or "suspendDuringHospitalStay"
                or "claimWindowCloseDay" or "claimSecondApprovalAbove" => Payment,
            "subsidyRatio" => Funding,
            _ when stem.EndsWith("Rate", StringComparison.Ordinal) || stem.EndsWith("Share", StringComparison.Ordinal)
                || stem.EndsWith("Amount", StringComparison.Ordinal) => Funding,
            _ => Other,
        };
    }

    /// <summary>
    /// What cannot run while a parameter of <paramref name="topic"/> has no value, in Chinese: who is covered decides
    /// enrolment (参保认定) and therefore billing (缴费核定); funding figures decide billing; assessment figures decide
    /// the assessment's outcome (失能评估); benefit-start figures decide when benefits are due (待遇资格); payment figures
    /// decide the monthly settlement (待遇结算). A figure of another topic blocks the calculations that read it (相关计算).
    /// </summary>
    public static IReadOnlyList<string> Blocks(string topic) => topic switch
    {
        Scope => ["参保认定", "缴费核定"],
        Funding => ["缴费核定"],
        Assessment => ["失能评估"],
        BenefitStart => ["待遇资格"],
        Payment => ["待遇结算"],
        _ => ["相关计算"],
    };

    /// <summary>The parameters in topic order, keeping the city module's order inside a topic.</summary>
    public static IReadOnlyList<ParameterTopic> Group(IEnumerable<ParameterDefinition> parameters) =>
        parameters
            .GroupBy(p => Of(p.Name))
            .OrderBy(g => Ordered.ToList().IndexOf(g.Key))
            .Select(g => new ParameterTopic(g.Key, [.. g.Select(PolicyParameter.Of)]))
            .ToList();
}
