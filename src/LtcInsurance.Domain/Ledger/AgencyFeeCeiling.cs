namespace LtcInsurance.Domain.Ledger;

/// <summary>
/// A tenant's ceiling on what the outsourced agency (经办) may cost the fund, as a share of the year's funding.
/// <see cref="Binding"/> is false where the document only gives a guideline ("原则上 ... 左右").
/// </summary>
public sealed record AgencyFeeCeilingRule(decimal Ratio, bool IncludesAssessmentFees, bool Binding, string Clause)
{
    /// <summary>Jining's ceiling, declared by its module (<see cref="Policies.Jining.JiningModule.FeeCeiling"/>, JN 六).</summary>
    public static AgencyFeeCeilingRule Jining => Policies.Jining.JiningModule.FeeCeiling;

    /// <summary>Yulin's ceiling, declared by its module (<see cref="Policies.Yulin.YulinModule.FeeCeiling"/>, YL 三(六)).</summary>
    public static AgencyFeeCeilingRule Yulin => Policies.Yulin.YulinModule.FeeCeiling;
}

/// <summary>Fees used against the ceiling for one year.</summary>
public sealed record AgencyFeeUsage(int Year, decimal YearFunding, decimal FeesCounted, decimal Ceiling,
    decimal Remaining, decimal UsageOfCeiling, bool Exceeded, AgencyFeeCeilingRule Rule);

public static class AgencyFeeCeiling
{
    /// <summary>
    /// Compares the year's agency fees (plus assessment fees where the rule counts them) with
    /// ratio × year funding, the ceiling rounded once to 0.01 yuan half away from zero.
    /// </summary>
    public static AgencyFeeUsage Check(AgencyFeeCeilingRule rule, int year, decimal yearFunding,
        decimal agencyFees, decimal assessmentFees)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Ratio is <= 0m or >= 1m)
            throw new ArgumentOutOfRangeException(nameof(rule), "上限比例应在 0 与 1 之间 / ratio must be between 0 and 1");
        if (yearFunding < 0m || agencyFees < 0m || assessmentFees < 0m)
            throw new ArgumentOutOfRangeException(nameof(yearFunding), "金额不能为负 / amounts cannot be negative");
        var counted = agencyFees + (rule.IncludesAssessmentFees ? assessmentFees : 0m);
        var ceiling = decimal.Round(yearFunding * rule.Ratio, 2, MidpointRounding.AwayFromZero);
        var usage = ceiling == 0m ? (counted == 0m ? 0m : decimal.MaxValue)
            : decimal.Round(counted / ceiling, 4, MidpointRounding.AwayFromZero);
        return new AgencyFeeUsage(year, yearFunding, counted, ceiling, ceiling - counted, usage, counted > ceiling, rule);
    }

    /// <summary>
    /// Measures <paramref name="year"/> from the books' posting lines: funding is the year's contribution income (4101.xx,
    /// region sub-accounts included), fees are the year's net debits to 经办服务费支出 and 失能评估费支出; year-end
    /// closing entries are left out (they move the result into 累计结余 and are neither income nor spending).
    /// </summary>
    public static AgencyFeeUsage Measure(AgencyFeeCeilingRule rule, int year, IEnumerable<Account> accounts,
        IEnumerable<Reports.LedgerLine> lines)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(lines);
        var byCode = accounts.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var yearLines = lines.Where(l => l.Period.Year == year && l.SourceType != SourceDocumentType.Closing).ToList();
        decimal Net(Func<Account, bool> which, decimal sign) =>
            sign * yearLines.Where(l => byCode.TryGetValue(l.AccountCode, out var a) && which(a)).Sum(l => l.SignedAmount);
        var funding = Net(a => a.Type == AccountType.Income && a.ParentCode.StartsWith("4101.", StringComparison.Ordinal), -1m);
        var agency = Net(a => a.ParentCode == StandardChart.AgencyFees, 1m);
        var assessment = Net(a => a.ParentCode == StandardChart.AssessmentFees, 1m);
        return Check(rule, year, Math.Max(funding, 0m), Math.Max(agency, 0m), Math.Max(assessment, 0m));
    }
}

/// <summary>
/// The agency-fee ceiling as tenant policy parameters, next to the city's other figures (so the parameter explorer shows
/// it with its clause and an admin's override, once stored, changes it): the ratio, whether assessment fees count, and
/// whether the ceiling binds. A city without the ratio parameter has no ceiling.
/// </summary>
public static class AgencyFeeCeilingParameters
{
    public const string Ratio = "agencyFeeCeiling.ratio";
    public const string IncludesAssessmentFees = "agencyFeeCeiling.includesAssessmentFees";
    public const string Binding = "agencyFeeCeiling.binding";

    public static IReadOnlyList<Policies.Parameters.ParameterDefinition> Definitions(AgencyFeeCeilingRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return
        [
            Policies.Parameters.ParameterDefinition.Fixed(Ratio, Policies.Parameters.ParameterKind.Ratio, "ratio of year funding",
                rule.Clause, "经办服务费用占当年筹资总额的上限比例", rule.Ratio),
            Policies.Parameters.ParameterDefinition.Fixed(IncludesAssessmentFees, Policies.Parameters.ParameterKind.Flag, "flag",
                rule.Clause, "经办费用上限是否含失能评估费", rule.IncludesAssessmentFees),
            Policies.Parameters.ParameterDefinition.Fixed(Binding, Policies.Parameters.ParameterKind.Flag, "flag",
                rule.Clause, "经办费用上限是否为硬性上限（否：原则性控制）", rule.Binding),
        ];
    }

    /// <summary>The rule in force on <paramref name="date"/> from a tenant's parameter definitions, or null when it sets none.</summary>
    public static AgencyFeeCeilingRule? Resolve(IEnumerable<Policies.Parameters.ParameterDefinition> definitions, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var byName = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        if (!byName.TryGetValue(Ratio, out var ratio) || ratio.ValueOn(date)?.Value is not decimal share)
            return null;
        bool Flag(string name) => byName.TryGetValue(name, out var d) && d.ValueOn(date)?.Value is true;
        return new AgencyFeeCeilingRule(share, Flag(IncludesAssessmentFees), Flag(Binding), ratio.Clause);
    }
}
