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
        return stem switch
        {
            "schemeStart" or "schemeAreaCodes" or "residentAreaCodes" or "coveredGroups" or "minorAge" => Scope,
            "assessmentInstrument" or "barthelBenefitBands" or "national2021MinimumLevel" or "minimumDisabilityMonths" => Assessment,
            "benefitStartRule" or "waitingPeriodMonths" or "waitingPeriodExtraMonthsPerGapYear" => BenefitStart,
            "coveredCategories" or "fundRatio" or "monthlyLimit" or "perDiem" or "annualCeilingRatio"
                or "previousYearDisposableIncomePerCapita" or "suspendDuringHospitalStay" => Payment,
            "subsidyRatio" => Funding,
            _ when stem.EndsWith("Rate", StringComparison.Ordinal) || stem.EndsWith("Share", StringComparison.Ordinal)
                || stem.EndsWith("Amount", StringComparison.Ordinal) => Funding,
            _ => Other,
        };
    }

    /// <summary>The parameters in topic order, keeping the city module's order inside a topic.</summary>
    public static IReadOnlyList<ParameterTopic> Group(IEnumerable<ParameterDefinition> parameters) =>
        parameters
            .GroupBy(p => Of(p.Name))
            .OrderBy(g => Ordered.ToList().IndexOf(g.Key))
            .Select(g => new ParameterTopic(g.Key, [.. g.Select(PolicyParameter.Of)]))
            .ToList();
}
