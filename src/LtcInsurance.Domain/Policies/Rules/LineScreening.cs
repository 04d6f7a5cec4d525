using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Domain.Policies.Rules;

/// <summary>The entitlement window (待遇享受期): only days inside it are paid.</summary>
public static class EntitlementWindow
{
    public static bool Covers(Beneficiary beneficiary, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(beneficiary);
        if (beneficiary.EntitledTo is { } to && to < beneficiary.EntitledFrom)
        {
            // refused as DateRange refuses it (an end before the start)
            _ = new DateRange(beneficiary.EntitledFrom, to);
        }

        // DateRange.Contains without a range object per line (this runs for every line of a bulk settlement)
        return day >= beneficiary.EntitledFrom && (beneficiary.EntitledTo is null || day <= beneficiary.EntitledTo);
    }
}

/// <summary>
/// Hospital suspension (YL 二(四)5, SS 二(五)4(3); digest interpretation 1): day d is suspended when
/// admitted &lt; d ≤ discharged, so the admission day is still paid and benefits resume the day after
/// discharge. A stay without a discharge date runs on.
/// </summary>
public static class HospitalSuspension
{
    public static bool Suspends(IReadOnlyList<HospitalStay> stays, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(stays);
        for (var i = 0; i < stays.Count; i++)
        {
            var s = stays[i];
            if (day > s.Admitted && (s.Discharged is null || day <= s.Discharged))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Covered line categories per service mode (digest interpretation 11): care and medical care by
/// default; bed, meal, drug and other charges only when a tenant parameter adds them.
/// </summary>
public static class CategoryCoverage
{
    public static bool Covers(IReadOnlyList<string> coveredCategories, string category)
    {
        ArgumentNullException.ThrowIfNull(coveredCategories);
        for (var i = 0; i < coveredCategories.Count; i++)
        {
            if (string.Equals(coveredCategories[i], category, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
