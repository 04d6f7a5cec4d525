namespace LtcInsurance.Domain.Supervision;

/// <summary>One claim line as the anomaly rules see it (standing claims only: withdrawn and returned ones do not count).</summary>
public sealed record FlaggableLine(
    Guid ClaimId, string ClaimNumber, Guid ProviderId, int LineNo, Guid PersonId, Guid EntitlementId, string ServiceMode, DateOnly Day,
    string ItemCode, string Category, decimal Quantity, decimal Amount, Guid? CareWorkerId);

/// <summary>An entitlement's days (both included; <see cref="To"/> null while open) and its waiting period.</summary>
public sealed record EntitlementSpan(Guid Id, Guid PersonId, DateOnly From, DateOnly? To, DateOnly? WaitingUntil)
{
    public bool CountsServiceOn(DateOnly day) => From <= day && (To is null || day <= To) && (WaitingUntil is null || day > WaitingUntil);
}

/// <summary>A confirmed care plan of a provider for an entitlement: from the later of its start and confirmation, its items.</summary>
public sealed record PlanSpan(Guid EntitlementId, Guid ProviderId, DateOnly From, DateOnly? To, IReadOnlySet<string> ItemCodes)
{
    public bool Covers(DateOnly day, string itemCode) => From <= day && (To is null || day <= To) && ItemCodes.Contains(itemCode);
}

/// <summary>A hospital stay: a day <c>d</c> is inside when <c>Admitted &lt; d ≤ Discharged</c> (digest interpretation 1).</summary>
public sealed record StaySpan(Guid PersonId, DateOnly Admitted, DateOnly? Discharged)
{
    public bool Contains(DateOnly day) => Admitted < day && (Discharged is null || day <= Discharged);
}

/// <summary>A provider's totals of one service month: billed amount and distinct beneficiaries.</summary>
public sealed record ProviderMonth(Guid ProviderId, Guid? ClaimId, DateOnly Month, decimal Billed, int Beneficiaries)
{
    public decimal AveragePerBeneficiary => Beneficiaries == 0 ? 0 : Billed / Beneficiaries;
}

/// <summary>
/// A conclusion an assessor took part in (on-site assessment staff): the application and the level concluded; the
/// assessor's name and agency, so that a flag names them to the auditor.
/// </summary>
public sealed record AssessorConclusion(Guid AssessorId, Guid ApplicationId, Guid PersonId, int Level, string? AssessorName = null,
    string? AgencyName = null);

/// <summary>A 复评 conclusion and the conclusion it reviewed.</summary>
public sealed record ReviewConclusion(Guid ReviewApplicationId, Guid OriginalApplicationId, Guid PersonId, int OriginalLevel, int ReviewLevel);

/// <summary>
/// Everything the anomaly rules read, gathered set-based by the supervision reader for the months examined: the lines of
/// standing claims, the beneficiaries' entitlements, confirmed care plans, hospital stays and deaths, providers' monthly
/// totals (the months examined and their history), and the assessors' and 复评 conclusions.
/// </summary>
public sealed record SupervisionFacts(
    IReadOnlyList<FlaggableLine> Lines,
    IReadOnlyList<EntitlementSpan> Entitlements,
    IReadOnlyList<PlanSpan> Plans,
    IReadOnlyList<StaySpan> Stays,
    IReadOnlyDictionary<Guid, DateOnly> Deaths,
    IReadOnlyList<ProviderMonth> ProviderMonths,
    IReadOnlyList<DateOnly> MonthsExamined,
    IReadOnlyList<AssessorConclusion> AssessorConclusions,
    IReadOnlyList<ReviewConclusion> Reviews)
{
    public static SupervisionFacts Empty { get; } = new([], [], [], [], new Dictionary<Guid, DateOnly>(), [], [], [], []);
}
