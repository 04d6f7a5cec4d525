using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies;

namespace LtcInsurance.Web.Ledger;

/// <summary>
/// Which agency-fee ceiling a city's policy parameters set for a year (<see cref="AgencyFeeCeilingParameters"/>). Only
/// Jining (JN 六, a guideline) and Yulin (YL 三(六), binding) declare one; the others leave agency costs to their
/// service agreements, so the overview says "not set" rather than inventing a ratio.
/// </summary>
public static class AgencyFeeCeilings
{
    /// <summary>The rule in force at the end of <paramref name="year"/>, the day the year's fees are measured.</summary>
    public static AgencyFeeCeilingRule? For(PolicyCalculator calculator, string tenantId, int year)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        return AgencyFeeCeilingParameters.Resolve(calculator.ListParameters(tenantId), new DateOnly(year, 12, 31));
    }
}
