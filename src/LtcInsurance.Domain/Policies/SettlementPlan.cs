using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies;

/// <summary>How a city pays one service mode for one month: the pieces the settlement composes.</summary>
public sealed record SettlementPlan(
    LineScreeningTerms Screening,
    BenefitPayment Payment,
    AnnualCeilingTerms? Ceiling);

/// <summary>
/// The tests every line passes before payment: the entitlement window (given with the beneficiary: it was fixed
/// when benefits were granted, so the benefit-start rule is not needed to settle), hospital suspension, covered
/// categories of the mode. <see cref="SuspendDuringHospitalStay"/> is null where the city leaves it unset: the settlement
/// then refuses with <c>parameter_missing</c> only when a line falls on a suspended day (else the switch changes nothing).
/// </summary>
public sealed record LineScreeningTerms(
    string EntitlementClause,
    ResolvedParameter? SuspendDuringHospitalStay,
    ResolvedParameter CoveredCategories,
    string? HospitalClause = null);

/// <summary>The payment rule of a service mode.</summary>
public abstract record BenefitPayment(string Clause);

/// <summary>A ratio of the month's covered total, optionally capped by a monthly limit first.</summary>
public sealed record RatioPayment(string Clause, ResolvedParameter Ratio, ResolvedParameter? MonthlyLimit) : BenefitPayment(Clause);

/// <summary>Per service day, the smaller of the day's covered charges and a per-diem.</summary>
public sealed record PerDiemPayment(string Clause, int Level, ResolvedParameter PerDiem) : BenefitPayment(Clause);

/// <summary>A yearly ceiling computed as a ratio of a published figure.</summary>
public sealed record AnnualCeilingTerms(string Clause, ResolvedParameter Ratio, ResolvedParameter Base);
