using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Domain.Policies.Rules;

/// <summary>The entitlement window (待遇享受期): only days inside it are paid.</summary>
public static class EntitlementWindow
{
    public static bool Covers(Beneficiary beneficiary, DateOnly day) =>
        new DateRange(beneficiary.EntitledFrom, beneficiary.EntitledTo).Contains(day);
}

/// <summary>
/// Hospital suspension (YL 二(四)5, SS 二(五)4(3); digest interpretation 1): day d is suspended when
/// admitted &lt; d ≤ discharged, so the admission day is still paid and benefits resume the day after
/// discharge. A stay without a discharge date runs on.
/// </summary>
public static class HospitalSuspension
{
    public static bool Suspends(IReadOnlyList<HospitalStay> stays, DateOnly day) =>
        stays.Any(s => day > s.Admitted && (s.Discharged is null || day <= s.Discharged));
}

/// <summary>
/// Covered line categories per service mode (digest interpretation 11): care and medical care by
/// default; bed, meal, drug and other charges only when a tenant parameter adds them.
/// </summary>
public static class CategoryCoverage
{
    public static bool Covers(IReadOnlyList<string> coveredCategories, string category) =>
        coveredCategories.Contains(category);
}
